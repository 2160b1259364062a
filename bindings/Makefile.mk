# Bindings of libresdex for other languages. Python: the resdex package
# (ctypes over the installed libresdex.so.0; no build step), installed in
# Python's pythondir when configure found python3.
RESDEX_PY_FILES = bindings/python/resdex/__init__.py bindings/python/resdex/_capi.py
if HAVE_PYTHON
resdexpydir = $(pythondir)/resdex
resdexpy_PYTHON = $(RESDEX_PY_FILES)
else
EXTRA_DIST += $(RESDEX_PY_FILES)
endif
