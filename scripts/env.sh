# shellcheck shell=bash
# Sourced by the other scripts: puts a Node that Backstage supports, its headers
# and Yarn (through corepack) on PATH. Nothing here names a registry host: npm's
# configured registry is reused for corepack.

SP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SP_TOOLS="$SP_ROOT/.tools"
SP_NODE_MAJOR=22

sp_log() { printf '\033[1m[system-product]\033[0m %s\n' "$*" >&2; }

sp_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

sp_provision_node() {
  local platform arch pkg
  platform="$(node -p process.platform 2>/dev/null || uname -s | tr '[:upper:]' '[:lower:]')"
  arch="$(node -p process.arch 2>/dev/null || echo x64)"
  pkg="node-$platform-$arch"
  local dir="$SP_TOOLS/node/node_modules/$pkg"
  if [ ! -x "$dir/bin/node" ]; then
    sp_log "Node $(node --version 2>/dev/null || echo '(none)') is not one Backstage supports; installing $pkg@$SP_NODE_MAJOR into .tools"
    npm install --prefix "$SP_TOOLS/node" --no-save --no-audit --no-fund --no-package-lock \
      "$pkg@$SP_NODE_MAJOR" >&2
  fi
  export PATH="$dir/bin:$PATH"
  # The package ships the headers next to the binary: node-gyp builds against them.
  export npm_config_nodedir="$dir"
}

sp_use_node() {
  local major
  major="$(sp_node_major)"
  if [ "$major" -lt 22 ] || [ "$major" -gt 24 ]; then
    sp_provision_node
    return
  fi
  # A supported Node is already installed: build native addons against its own
  # headers (node-gyp cannot download them here).
  local prefix
  prefix="$(dirname "$(dirname "$(node -p process.execPath)")")"
  if [ -f "$prefix/include/node/node.h" ]; then
    export npm_config_nodedir="$prefix"
  else
    sp_provision_node
  fi
}

sp_use_yarn() {
  # Corepack ships with Node up to 24 but not with the standalone binary package,
  # so a pinned corepack lives in .tools as well.
  local corepack="$SP_TOOLS/corepack/node_modules/.bin/corepack"
  if [ ! -x "$corepack" ]; then
    npm install --prefix "$SP_TOOLS/corepack" --no-save --no-audit --no-fund --no-package-lock corepack@0.34 >&2
  fi
  local registry
  registry="$(npm config get registry)"
  export COREPACK_NPM_REGISTRY="${registry%/}"
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  # The version comes from package.json's packageManager, never "latest".
  export COREPACK_DEFAULT_TO_LATEST=0
  export COREPACK_HOME="$SP_TOOLS/corepack/home"
  mkdir -p "$SP_TOOLS/bin"
  "$corepack" enable --install-directory "$SP_TOOLS/bin" yarn
  export PATH="$SP_TOOLS/bin:$PATH"
}

sp_use_node
sp_use_yarn
export NODE_OPTIONS="${NODE_OPTIONS:-} --max-old-space-size=8192"
# Yarn fetches from the registry npm is configured with.
YARN_NPM_REGISTRY_SERVER="$(npm config get registry)"
export YARN_NPM_REGISTRY_SERVER="${YARN_NPM_REGISTRY_SERVER%/}"
export YARN_ENABLE_TELEMETRY=0
