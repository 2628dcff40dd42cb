#!/usr/bin/env bash
# The demo run by `./kabar up --demo`: publishes the seed page and demo articles, subscribes the demo webhook
# receiver to breaking news, publishes a breaking story and simulates page views, then shows what readers would see.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ARTICLES=http://127.0.0.1:8081
RELATED=http://127.0.0.1:8082
NOTIFY=http://127.0.0.1:8083
TRENDING=http://127.0.0.1:8084
RECEIVER="${DEMO_RECEIVER:-http://127.0.0.1:8090/kabar-alerts}"
# The demo publishes as a newsroom tool would: with an editor's token (one demo story is breaking news).
TOKEN=$(./kabar token --editor --subject demo-editor | tail -1)

json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
titles() { grep -o '"title":"[^"]*"' | cut -d'"' -f4 | sed 's/^/    - /'; }

# A busy machine can answer 503 + Retry-After while a write is still unconfirmed; curl retries those, and the
# Idempotency-Keys make every retry safe.
RETRY=(--retry 8 --retry-max-time 300)

publish() {   # file → article id; the Idempotency-Key makes a second demo run (or a retry) publish nothing twice
  curl -fsS "${RETRY[@]}" -X POST "$ARTICLES/api/articles" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $TOKEN" -H "Idempotency-Key: demo-$(basename "$1" .json)" --data-binary @"$1" | json_field id
}

until_ok() {   # timeout in s, url: waits until the URL answers 200
  local deadline=$((SECONDS + $1))
  until curl -fs -o /dev/null "$2"; do
    ((SECONDS < deadline)) || { echo "demo: no answer from $2" >&2; return 1; }
    sleep 1
  done
}

echo "Publishing the seed page and the demo articles ..."
SEED=$(publish examples/seed-article.json)
declare -A ID
for file in examples/demo/0[1-5]-*.json; do ID[$(basename "$file" .json)]=$(publish "$file"); done

echo "Subscribing the demo webhook receiver ($RECEIVER) to breaking news in Internasional ..."
curl -fsS "${RETRY[@]}" -X POST "$NOTIFY/api/subscriptions" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: demo-subscription-$(date +%s)" \
  -d "{\"channel\": \"webhook\", \"url\": \"$RECEIVER\", \"categories\": [\"Internasional\"]}" -o /dev/null

echo "Publishing a breaking story ..."
BREAKING=$(publish examples/demo/06-putin-satelit-korut.json)

echo "Simulating page views ..."
views() {   # article id, number of distinct readers
  local body="[" i
  for ((i = 1; i <= $2; i++)); do body+="{\"articleId\": \"$1\", \"sessionId\": \"demo-reader-$i\"},"; done
  curl -fsS "${RETRY[@]}" -X POST "$TRENDING/api/page-views" -H 'Content-Type: application/json' -d "${body%,}]" -o /dev/null
}
# Every simulated reader comes from this one address, and trending-service counts at most 20 new sessions per article,
# address and minute (its defence against invented sessions), so the demo stays below that.
views "$BREAKING" 20
views "$SEED" 16
views "${ID[01-rusia-korut-kerja-sama-militer]}" 12
views "${ID[05-timnas-u23-kualifikasi]}" 8
views "${ID[04-ihsg-dibuka-menguat]}" 4

until_ok 60 "$RELATED/api/articles/$SEED/related"
sleep 3   # give the lists a moment to take in the last demo articles
echo
echo "Baca Juga for \"$(curl -fsS "$ARTICLES/api/articles/$SEED" | json_field title)\":"
curl -fsS "$RELATED/api/articles/$SEED/related?limit=5" | titles
echo
echo "Terkini (latest):"
curl -fsS "$ARTICLES/api/articles?limit=5" | titles
echo
deadline=$((SECONDS + 30))
until curl -fsS "$TRENDING/api/trending?window=1h&limit=5" | grep -q '"articleId"'; do
  ((SECONDS < deadline)) || break
  sleep 1
done
echo "Terpopuler (last hour):"
curl -fsS "$TRENDING/api/trending?window=1h&limit=5" | titles
echo
echo "Breaking-news alert received by the demo webhook (see .kabar/logs/demo-receiver.log):"
deadline=$((SECONDS + 30))
until grep -q webhook-id .kabar/logs/demo-receiver.log 2>/dev/null; do
  ((SECONDS < deadline)) || { echo "    (none yet)"; break; }
  sleep 1
done
grep -A1 webhook-id .kabar/logs/demo-receiver.log 2>/dev/null | tail -2 | cut -c1-200 | sed 's/^/    /'
echo
echo "Try: curl -N $NOTIFY/api/alerts/stream   (server-sent events; publish a breaking article to see one)"
echo
echo "Read it in a browser:"
echo "    front page:    http://127.0.0.1:8080/"
echo "    seed article:  $(curl -fsS "$ARTICLES/api/articles/$SEED" | json_field url)"
echo "    newsroom:      http://127.0.0.1:8080/newsroom   (sign in with: ./kabar token --editor)"
