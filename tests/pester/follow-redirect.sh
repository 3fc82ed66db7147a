#!/bin/sh
# Stands in for a browser in the -Interactive sign-in test: opens the authorize URL and follows
# its redirect to the module's loopback listener, as a browser would.
if command -v curl >/dev/null 2>&1; then
  exec curl -s -L -o /dev/null "$1"
fi
exec python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1]).read()' "$1"
