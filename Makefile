# voc: build, test and install.
#   make                      release build (.build/release/voc)
#   make test                 the CI run: installs the system packages it needs, then `swift test` and a short fuzz
#   make install PREFIX=DIR   installs DIR/bin/voc and its language data in DIR/share/voc/lexicons (default /usr/local)
#   make uninstall PREFIX=DIR
PREFIX ?= /usr/local

.PHONY: all test install uninstall
all:
	swift build -c release --product voc

test:
	bash .ci/run

install: all
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/voc"
	install -m 755 .build/release/voc "$(DESTDIR)$(PREFIX)/bin/voc"
	rm -rf "$(DESTDIR)$(PREFIX)/share/voc/lexicons"
	cp -R lexicons "$(DESTDIR)$(PREFIX)/share/voc/lexicons"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/voc"
	rm -rf "$(DESTDIR)$(PREFIX)/share/voc"
