# Manual pages.
dist_man_MANS += doc/resdexd.8
EXTRA_DIST += doc/resdexd.service
