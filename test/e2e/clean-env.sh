# Sourced by the e2e scripts. Run through npm (npm run test:e2e), a script's environment carries
# npm's settings for it: npm_config_user_agent says "node/v20", which code-server's install step
# reads as the Node it is installed with (it must be the cached Node 24), npm_config_nodedir
# names the headers of npm's node, and NODE names npm's own node. The suites install and run
# their tools as from a shell, whichever way they were started.
while IFS= read -r v; do unset "$v"; done < <(compgen -e | grep -E '^(npm_|NODE$)' || true)
