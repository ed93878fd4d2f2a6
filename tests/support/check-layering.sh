#!/usr/bin/env bash
# Dependencies run one way: core <- net <- ui <- app. Fails naming every include that points
# the wrong way: core including SFML or a net/ui/app header, net including ui/app, ui including
# app, or anything outside app/ including a subcommand.
set -u
game=${1:?usage: check-layering.sh GAME_DIR}
status=0
report() { # folder pattern what
    local hits
    hits=$(grep -rnE "#include *[<\"]($2)" "$game/$1" --include='*.cpp' --include='*.hpp')
    if [ -n "$hits" ]; then
        echo "game/$1 must not include $3:"
        echo "$hits" | sed "s#^$game/#  game/#"
        status=1
    fi
}
report core 'SFML/|ui/|net/|app/|boost/' 'SFML, sockets or a header of a layer above it'
report net 'ui/|app/|SFML/Graphics|SFML/Window' 'ui, app or SFML graphics/window'
report ui 'app/' 'app (the subcommands sit on top of the front end)'
[ $status -eq 0 ] && echo "layering: core <- net <- ui <- app holds"
exit $status
