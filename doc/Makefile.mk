# Manual pages.
dist_man_MANS += doc/resdex.1 doc/resdexd.8
EXTRA_DIST += doc/resdexd.service doc/resdex-serve.service doc/guarantees.md doc/data-extract.md doc/verb-scale.md doc/shards.md \
	doc/serve-search.png doc/serve-resolution.png

# The systemd units, their ExecStart pointed at the installed programs
# (configure --with-systemdsystemunitdir; empty: not installed).
install-data-local: install-systemd-unit
install-systemd-unit:
	@if test -n "$(systemdsystemunitdir)"; then \
	    $(MKDIR_P) "$(DESTDIR)$(systemdsystemunitdir)" && \
	    sed 's|^ExecStart=.*|ExecStart=$(sbindir)/resdexd|' $(srcdir)/doc/resdexd.service \
	        >"$(DESTDIR)$(systemdsystemunitdir)/resdexd.service" && \
	    sed 's|^ExecStart=[^ ]*|ExecStart=$(bindir)/resdex|' $(srcdir)/doc/resdex-serve.service \
	        >"$(DESTDIR)$(systemdsystemunitdir)/resdex-serve.service" && \
	    echo "installed $(DESTDIR)$(systemdsystemunitdir)/resdexd.service and resdex-serve.service"; \
	fi
uninstall-local: uninstall-systemd-unit
uninstall-systemd-unit:
	@if test -n "$(systemdsystemunitdir)"; then \
	    rm -f "$(DESTDIR)$(systemdsystemunitdir)/resdexd.service" \
	        "$(DESTDIR)$(systemdsystemunitdir)/resdex-serve.service"; \
	fi
.PHONY: install-systemd-unit uninstall-systemd-unit
# distcheck installs as a user into its own prefix.
AM_DISTCHECK_CONFIGURE_FLAGS = --with-systemdsystemunitdir='$${libdir}/systemd/system'
