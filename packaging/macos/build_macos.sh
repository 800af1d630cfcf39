#!/usr/bin/env bash
# macOS: Smaller.app and a .dmg, signed and notarised when the credentials are given.
# NOT RUN on this project's machines (Linux only): written to Apple's documented steps, to be
# verified by the first maintainer with a Mac (see packaging/README.md, "State").
#
#   packaging/macos/build_macos.sh            # unsigned .app + .dmg (for testing on your Mac)
#
# Signing and notarisation, all optional, from the environment:
#   SMALLER_CODESIGN_IDENTITY  "Developer ID Application: NAME (TEAMID)", in the keychain
#   NOTARY_PROFILE             a profile stored once with
#                              `xcrun notarytool store-credentials NOTARY_PROFILE --apple-id ...
#                               --team-id TEAMID --password APP_SPECIFIC_PASSWORD`
# Build once per architecture (an arm64 and an x86_64 runner): gpt4all's and Qt's wheels are
# universal2 but numpy publishes one wheel per architecture, so a universal2 .app is not possible.
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=${PYTHON:-python3}
VENV=build/venv
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
ARCH=$(uname -m)
DMG="dist/Smaller-$VERSION-macos-$ARCH.dmg"

# 1. Isolated build environment, same pins as Linux (packaging/build.py).
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q -c constraints.txt . \
  pyinstaller==6.22.3 pyinstaller-hooks-contrib==2026.9 altgraph==0.17.5

# 2. Model, translations, icons (the spec runs iconutil to make smaller.icns).
"$VENV/bin/python" -m desktop.core.provision
"$VENV/bin/python" scripts/translations.py compile
"$VENV/bin/python" packaging/icons.py build/icons

# 3. PyInstaller: dist/Smaller.app (signed here when SMALLER_CODESIGN_IDENTITY is set, with the
#    hardened runtime and packaging/macos/entitlements.plist).
rm -rf dist/Smaller dist/Smaller.app
"$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/smaller.spec

# 4. Smoke test: the headless path of the bundled executable, with an empty home.
HOME_DIR=$(mktemp -d)
HOME="$HOME_DIR" dist/Smaller.app/Contents/MacOS/Smaller ask "Say hello" --json >/dev/null
echo "headless answer: OK"

if [ -n "${SMALLER_CODESIGN_IDENTITY:-}" ]; then
  codesign --verify --deep --strict --verbose=2 dist/Smaller.app
fi

# 5. The .dmg: the app and a link to /Applications, compressed (UDZO).
STAGE=$(mktemp -d)
cp -R dist/Smaller.app "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "Smaller $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"

# 6. Sign the .dmg, notarise it with Apple, staple the ticket, check Gatekeeper accepts it.
if [ -n "${SMALLER_CODESIGN_IDENTITY:-}" ]; then
  codesign --sign "$SMALLER_CODESIGN_IDENTITY" --timestamp "$DMG"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
  fi
fi
ls -lh "$DMG"
