#!/usr/bin/env bash
# End-to-end test of `mandat-sante init` in a real terminal: builds the tool, runs the questionnaire in a tmux
# pane, types the answers like a person (waiting for each question), reads the screen, checks the re-asked
# invalid answer, the skipped QPV question, the recap and the printed command, then runs that command. Also
# checks that Ctrl-D and Ctrl-C stop cleanly with a French message, the documented exit code and no file.
# Exits non-zero on the first mismatch, printing the screen.
#
#   scripts/test-init-tmux.sh            (SCRATCH_PATH=… to choose the build folder)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=${SCRATCH_PATH:-/tmp/build-init-tmux}
TIMEOUT=${TIMEOUT:-20}

if ! command -v tmux >/dev/null; then
    echo "tmux absent : installation (apt-get install -y tmux)…"
    apt-get install -y tmux >/dev/null
fi

echo "Construction de mandat-sante (dossier $SCRATCH)…"
(cd "$ROOT" && swift build --scratch-path "$SCRATCH" --product mandat-sante 2>&1 | tail -1)
BIN_DIR=$(cd "$ROOT" && swift build --scratch-path "$SCRATCH" --show-bin-path)

WORK=$(mktemp -d /tmp/mandat-sante-init-tmux.XXXXXX)
SOCKET="mandat-sante-init-$$"
mkdir "$WORK/profils"
PROFILE="$WORK/profils/saint-etienne-des-pres.json"
printf 'set -g history-limit 50000\nset -g status off\n' >"$WORK/tmux.conf"
tmux_() { tmux -u -L "$SOCKET" -f "$WORK/tmux.conf" "$@"; }
cleanup() {
    tmux_ kill-server 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

SESSION=""
# The whole pane, history included, no-break spaces as plain spaces.
screen() { tmux_ capture-pane -p -J -S - -t "$SESSION" | sed 's/\xc2\xa0/ /g'; }
fail() {
    echo "--- écran ---" >&2
    screen >&2 || true
    echo "-------------" >&2
    echo "ÉCHEC : $*" >&2
    exit 1
}
# Waits until the screen shows the extended regular expression $1.
wait_for() {
    local deadline=$((SECONDS + TIMEOUT))
    until screen | grep -Eq -- "$1"; do
        ((SECONDS < deadline)) || fail "attendu à l'écran : $1"
        sleep 0.1
    done
}
expect_screen() { screen | grep -Fq -- "$1" || fail "attendu à l'écran : $1"; }
refuse_screen() { ! screen | grep -Fq -- "$1" || fail "inattendu à l'écran : $1"; }
# Types a line and Enter, as a person would.
type_line() {
    [[ -n "$1" ]] && tmux_ send-keys -t "$SESSION" -l -- "$1"
    tmux_ send-keys -t "$SESSION" Enter
}
# Waits for the question whose heading contains $1, then answers $2 (empty: Enter).
answer() {
    wait_for "^\([0-9]+/[0-9]+\) $1"
    local before
    before=$(screen | grep -c '^> ' || true)
    type_line "$2"
    # The next prompt (or the end) shows the answer was read before typing the next one.
    local deadline=$((SECONDS + TIMEOUT))
    until (($(screen | grep -c '^> ' || true) > before)) || screen | grep -q 'RÉCAPITULATIF'; do
        ((SECONDS < deadline)) || fail "pas de suite après la réponse « $2 » à « $1 »"
        sleep 0.1
    done
}
# A fresh terminal: a plain shell in the project folder, the built tool on its PATH.
start_terminal() {
    SESSION=$1
    tmux_ new-session -d -s "$SESSION" -x 100 -y 50 -c "$ROOT" \
        "env -i HOME=$WORK HISTFILE=/dev/null PATH=$BIN_DIR:/usr/local/bin:/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile"
    wait_for '^\$ '
}

echo "1. Questionnaire complet d'un village en ZIP…"
start_terminal complet
type_line "mandat-sante init --output $PROFILE; echo \"code=\$?\""
wait_for 'Décrivons votre territoire'
answer "Nom du territoire" "Saint-Étienne-des-Prés"
answer "Type de territoire" "1"
answer "Code INSEE" ""
wait_for '^\([0-9]+/[0-9]+\) Population'
type_line "trois cents"
wait_for "✗ « trois cents » n'est pas un nombre : tapez des chiffres, par exemple"
type_line "300 000 000"
wait_for "✗ 300 000 000 est hors limites : la réponse doit être entre 1 et 3 000 000"
answer "Population" "300"
answer "Catégorie de densité" "7"
answer "Département" "Lozère"
answer "Région" ""
wait_for "Question passée — « Au moins un quartier prioritaire de la politique de"
expect_screen "ce qui n'est pas le cas ici (population : 300 habitants)."
answer "Zonage médical de l'ARS" "1"
answer "Contrat local de santé" ""
answer "Une CPTS couvre le territoire" "n"
refuse_screen ") Un conseil local de santé mentale (CLSM) existe ?"
answer "Au moins une maison de santé" ""
answer "Au moins un centre de santé" ""
answer "Un hôpital sur le territoire" "non"
answer "Des départs de médecins" "o"
answer "Part des 75 ans ou plus" "18,5"
answer "Taux de pauvreté" ""
answer "Territoire exposé aux vagues de chaleur" ""
answer "Présence d'ambroisie" ""
answer "Un projet alimentaire territorial" ""
answer "L'intercommunalité porte déjà" "o"
answer "Priorités de l'équipe" "1, 4"
answer "Agents capables de porter des projets" "0"
answer "Un élu référent santé" "o"
answer "Un poste de coordination santé" ""
answer "Réseaux rejoints" ""
answer "Programmes nationaux" "2"
answer "Instances de participation" ""
answer "Projets structurants" ""

wait_for 'Ces réponses sont-elles correctes \? \(o/n, Entrée = oui\)'
for line in "RÉCAPITULATIF" \
    "  Nom du territoire : Saint-Étienne-des-Prés" \
    "  Type de territoire : commune" \
    "  Population : 300 habitants" \
    "  Catégorie de densité (grille INSEE) : rural à habitat très dispersé" \
    "  Département : Lozère" \
    "  Zonage médical de l'ARS : zone d'intervention prioritaire (ZIP)" \
    "  Part des 75 ans ou plus : 18,5 %" \
    "  Taux de pauvreté : non renseigné" \
    "  Priorités de l'équipe : accès aux soins, bien vieillir et autonomie" \
    "  Agents capables de porter des projets : 0 agent" \
    "  Programmes nationaux dont le territoire est lauréat : Villages d'avenir" \
    "  Sans objet pour ce territoire (valeur par défaut) : au moins un quartier"; do
    expect_screen "$line"
done
[[ ! -e "$PROFILE" ]] || fail "le profil existe avant la confirmation"
type_line "o"
wait_for '^code=0$'
expect_screen "Profil écrit dans « $PROFILE »."
expect_screen "Pour obtenir sa feuille de route :"
swift_run=$(screen | grep -E '^  swift run mandat-sante roadmap ' | head -1 | sed 's/^  //')
installed=$(screen | grep -E '^  mandat-sante roadmap ' | head -1 | sed 's/^  //')
[[ "$swift_run" == "swift run mandat-sante roadmap $PROFILE" ]] || fail "commande swift run inattendue : « $swift_run »"
[[ "$installed" == "mandat-sante roadmap $PROFILE" ]] || fail "commande inattendue : « $installed »"

echo "2. Le profil écrit…"
[[ -f "$PROFILE" ]] || fail "profil absent : $PROFILE"
[[ $(sed -n 2p "$PROFILE") == '  "$schema": "'*'/Rules/schema/profile.schema.json",' ]] || fail "\$schema n'est pas en tête : $(sed -n 2p "$PROFILE")"
grep -q '"name": "Saint-Étienne-des-Prés",' "$PROFILE" || fail "nom absent du profil"
grep -q '"population": 300,' "$PROFILE" || fail "population absente du profil"
grep -q '"priorities": \["acces-aux-soins", "bien-vieillir"\],' "$PROFILE" || fail "priorités absentes du profil"
! grep -q '"qpv"' "$PROFILE" || fail "le profil contient la question passée qpv"
! grep -q '"povertyRate"' "$PROFILE" || fail "le profil contient un fait facultatif non renseigné"

echo "3. La commande affichée, tapée dans le même terminal…"
type_line "clear; $installed --start 2026-12 >$WORK/feuille.txt; echo \"code=\$?\"; head -3 $WORK/feuille.txt"
wait_for '^code=0$'
wait_for 'FEUILLE DE ROUTE'
expect_screen "FEUILLE DE ROUTE SANTÉ DU MANDAT — Saint-Étienne-des-Prés"
echo "   et la forme swift run (avec --scratch-path $SCRATCH pour ne pas gêner d'autres constructions)…"
(cd "$ROOT" && ${swift_run/swift run/swift run --scratch-path $SCRATCH} --start 2026-12 >"$WORK/swift-run.txt" 2>/dev/null) \
    || fail "« $swift_run » a échoué"
grep -q "^FEUILLE DE ROUTE SANTÉ DU MANDAT — Saint-Étienne-des-Prés$" "$WORK/swift-run.txt" \
    || fail "« $swift_run » ne produit pas la feuille de route"

echo "4. Ctrl-D au milieu du questionnaire…"
start_terminal ctrl-d
type_line "mandat-sante init --output $WORK/profils/ctrl-d.json; echo \"code=\$?\""
answer "Nom du territoire" "Bourg-d'Essai"
wait_for '^\([0-9]+/[0-9]+\) Type de territoire'
tmux_ send-keys -t "$SESSION" C-d
wait_for '^code=2$'
expect_screen "mandat-sante : fin de l'entrée avant la fin du questionnaire ; aucun fichier n'a été écrit."
[[ "$(ls -A "$WORK/profils")" == "saint-etienne-des-pres.json" ]] || fail "fichier laissé après Ctrl-D : $(ls -A "$WORK/profils")"

echo "5. Ctrl-C au milieu du questionnaire…"
start_terminal ctrl-c
type_line "mandat-sante init --output $WORK/profils/ctrl-c.json; echo \"code=\$?\""
answer "Nom du territoire" "Bourg-d'Essai"
answer "Type de territoire" "2"
wait_for '^\([0-9]+/[0-9]+\) Code INSEE'
tmux_ send-keys -t "$SESSION" C-c
wait_for '^code=130$'
expect_screen "mandat-sante : interrompu (Ctrl-C) ; aucun fichier n'a été écrit."
[[ "$(ls -A "$WORK/profils")" == "saint-etienne-des-pres.json" ]] || fail "fichier laissé après Ctrl-C : $(ls -A "$WORK/profils")"

echo "OK : questionnaire, récapitulatif, profil, commande affichée, Ctrl-D et Ctrl-C vérifiés dans un vrai terminal."
