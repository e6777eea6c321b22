# etjanst: build a self-contained release binary, install it, or package it for Debian.
#
#   make                          release binary, Swift runtime and Foundation linked in, stripped
#   make install                  what make built, into $(PREFIX) (default /usr/local), under
#                                 $(DESTDIR) if set
#   make uninstall                removes what install put there
#   make deb                      a Debian package of the same (dist/etjanst_VERSION_ARCH.deb);
#                                 MAINTAINER="IT <it@kommun.se>" names who built it
#   make clean                    removes the build folder and dist/
#
# The binary needs only the system's C libraries and ncursesw at run time: the Swift
# standard library and Foundation are linked statically (--static-swift-stdlib), so it
# runs on a server without the Swift toolchain. The demo data is compiled into it.
# SWIFT_BUILD_FLAGS passes flags to swift build (for example -j 1 on a busy machine).

SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=
# The commit --version names (from git, or a release tarball's COMMIT file).
COMMIT_FLAGS := $(shell scripts/commit-flags)
# The package's Maintainer field: whoever builds the package for their servers.
MAINTAINER ?= etjanst maintainers <etjanst@localhost>
SCRATCH ?= .build-install
PREFIX ?= /usr/local
DESTDIR ?=
STRIP ?= strip
INSTALL ?= install

BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
BASHDIR = $(PREFIX)/share/bash-completion/completions
ZSHDIR = $(PREFIX)/share/zsh/vendor-completions
FISHDIR = $(PREFIX)/share/fish/vendor_completions.d
EXAMPLEDIR = $(PREFIX)/share/doc/etjanst/examples

BUILT = $(SCRATCH)/release/etjanst
OUT = $(SCRATCH)/dist
BINARY = $(OUT)/etjanst
UNITS = $(wildcard packaging/systemd/*.service packaging/systemd/*.timer)

VERSION = $(shell sed -n 's/.*static let version = "\([^"]*\)".*/\1/p' Sources/etjanst/Etjanst.swift | head -n 1)
ARCH = $(shell dpkg --print-architecture 2>/dev/null || uname -m)
DEB = dist/etjanst_$(VERSION)_$(ARCH).deb

.PHONY: all build install uninstall deb clean

all: build

# swift build decides itself what is out of date, so it always runs. The completions come
# from the binary itself (swift-argument-parser writes them).
build:
	$(SWIFT) build -c release --static-swift-stdlib --product etjanst \
		--scratch-path $(SCRATCH) $(COMMIT_FLAGS) $(SWIFT_BUILD_FLAGS)
	mkdir -p $(OUT)/completions
	$(STRIP) -o $(BINARY).tmp $(BUILT)
	mv -f $(BINARY).tmp $(BINARY)
	$(BINARY) --generate-completion-script bash > $(OUT)/completions/etjanst.bash
	$(BINARY) --generate-completion-script zsh > $(OUT)/completions/_etjanst
	$(BINARY) --generate-completion-script fish > $(OUT)/completions/etjanst.fish

# install and deb take what make built (so sudo make install does not build as root);
# they build it only when there is none.
$(BINARY):
	$(MAKE) build

install: $(BINARY)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(BASHDIR) \
		$(DESTDIR)$(ZSHDIR) $(DESTDIR)$(FISHDIR) $(DESTDIR)$(EXAMPLEDIR)
	$(INSTALL) -m 755 $(BINARY) $(DESTDIR)$(BINDIR)/etjanst
	$(INSTALL) -m 644 docs/etjanst.1 $(DESTDIR)$(MANDIR)/etjanst.1
	$(INSTALL) -m 644 $(OUT)/completions/etjanst.bash $(DESTDIR)$(BASHDIR)/etjanst
	$(INSTALL) -m 644 $(OUT)/completions/_etjanst $(DESTDIR)$(ZSHDIR)/_etjanst
	$(INSTALL) -m 644 $(OUT)/completions/etjanst.fish $(DESTDIR)$(FISHDIR)/etjanst.fish
	for unit in $(UNITS); do \
		sed 's|@BINDIR@|$(BINDIR)|g' $$unit > $(DESTDIR)$(EXAMPLEDIR)/$$(basename $$unit) && \
		chmod 644 $(DESTDIR)$(EXAMPLEDIR)/$$(basename $$unit) || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/etjanst $(DESTDIR)$(MANDIR)/etjanst.1 \
		$(DESTDIR)$(BASHDIR)/etjanst $(DESTDIR)$(ZSHDIR)/_etjanst \
		$(DESTDIR)$(FISHDIR)/etjanst.fish
	rm -f $(addprefix $(DESTDIR)$(EXAMPLEDIR)/,$(notdir $(UNITS)))
	-rmdir $(DESTDIR)$(EXAMPLEDIR) $(DESTDIR)$(PREFIX)/share/doc/etjanst 2>/dev/null

# The package installs under /usr, as Debian's own packages do; its control file is
# packaging/debian/control with the version, architecture and size filled in.
deb: $(BINARY)
	rm -rf $(SCRATCH)/deb
	$(MAKE) install DESTDIR=$(CURDIR)/$(SCRATCH)/deb PREFIX=/usr
	gzip -9n $(SCRATCH)/deb/usr/share/man/man1/etjanst.1
	$(INSTALL) -d $(SCRATCH)/deb/DEBIAN
	sed -e 's/@VERSION@/$(VERSION)/' -e 's/@ARCH@/$(ARCH)/' -e 's|@MAINTAINER@|$(MAINTAINER)|' \
		-e "s/@SIZE@/$$(du -sk $(SCRATCH)/deb/usr | cut -f1)/" \
		packaging/debian/control > $(SCRATCH)/deb/DEBIAN/control
	mkdir -p dist
	dpkg-deb --root-owner-group --build $(SCRATCH)/deb $(DEB)

clean:
	rm -rf $(SCRATCH) dist
