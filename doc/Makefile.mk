# Manual pages.
dist_man_MANS += doc/resdex.1 doc/resdexd.8
EXTRA_DIST += doc/resdexd.service doc/guarantees.md doc/data-extract.md

# The systemd unit, its ExecStart pointed at the installed resdexd
# (configure --with-systemdsystemunitdir; empty: not installed).
install-data-local: install-systemd-unit
install-systemd-unit:
	@if test -n "$(systemdsystemunitdir)"; then \
	    $(MKDIR_P) "$(DESTDIR)$(systemdsystemunitdir)" && \
	    sed 's|^ExecStart=.*|ExecStart=$(sbindir)/resdexd|' $(srcdir)/doc/resdexd.service \
	        >"$(DESTDIR)$(systemdsystemunitdir)/resdexd.service" && \
	    echo "installed $(DESTDIR)$(systemdsystemunitdir)/resdexd.service"; \
	fi
uninstall-local: uninstall-systemd-unit
uninstall-systemd-unit:
	@if test -n "$(systemdsystemunitdir)"; then \
	    rm -f "$(DESTDIR)$(systemdsystemunitdir)/resdexd.service"; \
	fi
.PHONY: install-systemd-unit uninstall-systemd-unit
# distcheck installs as a user into its own prefix.
AM_DISTCHECK_CONFIGURE_FLAGS = --with-systemdsystemunitdir='$${libdir}/systemd/system'
