#!/usr/bin/env bash
# Purpose: run the native app under a virtual X server, let it write a screenshot of
# its start screen, and check the PNG is a real picture of the expected size.
# Usage: native_screenshot.sh APP PNG_CHECK OUT.png WxH SCALE
set -euo pipefail
app="$1" check="$2" out="$3" size="$4" scale="$5"
mkdir -p "$(dirname "$out")"
rm -f "$out"
w="${size%x*}" h="${size#*x}"
xvfb-run -a -s "-screen 0 ${w}x${h}x24" "$app" --screenshot "$out" --size "$size" --scale "$scale"
"$check" "$out" "$w" "$h"
