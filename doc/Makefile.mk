# Manual pages.
dist_man_MANS += doc/resdex.1 doc/resdexd.8
EXTRA_DIST += doc/resdexd.service doc/guarantees.md
