# Sourced by scripts/test: the Debian tools the tests call, installed when they are missing and this is a root shell
# with apt-get (a fresh CI machine, or a newcomer's container), otherwise named with the command that installs them.
#   promtool (package prometheus)  MetricsTest runs `promtool check metrics` on /metrics
#   curl                           the kill-switch script test runs scripts/kill-switch, which uses it
#   chromium, chromium-driver      ReportBrowserTest opens a report in headless Chromium; without them it is skipped
#                                  (with CI=true it fails instead)
# Returns 1 when promtool or curl is missing and cannot be installed here.

ringtrade_test_tools() {
  local required=() optional=()
  command -v promtool >/dev/null 2>&1 || required+=(prometheus)
  command -v curl >/dev/null 2>&1 || required+=(curl)
  [[ -x /usr/bin/chromium ]] || optional+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || optional+=(chromium-driver)
  local missing=("${required[@]}" "${optional[@]}")
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test: installing ${missing[*]} with apt-get (the tests call them)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || return 1
    return 0
  fi
  if [ "${#optional[@]}" -gt 0 ]; then
    echo "scripts/test: ${optional[*]} not installed: the report's browser test is skipped (sudo apt-get install" \
      "${optional[*]})" >&2
  fi
  if [ "${#required[@]}" -gt 0 ]; then
    echo "scripts/test: the tests need ${required[*]} (promtool checks /metrics, curl runs scripts/kill-switch):" \
      "sudo apt-get install ${required[*]}, or run scripts/test as root on Debian and it installs them" >&2
    return 1
  fi
  return 0
}
