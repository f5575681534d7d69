"""Print-ready classroom material made from the built site and data/: worksheets, keys, handouts, the reader."""
