#!/bin/sh
# One-shot init of docker-compose.yml: a private CA, a TLS keystore per broker and for the operators' admin client,
# a random SCRAM password per service and notification-service's webhook secret key. Runs again without changing
# anything once done, so passwords and keys survive restarts. Needs only keytool (the apache/kafka image has it).
set -eu
CA=/ca BROKERS=/brokers ADMIN=/admin SECRETS=/secrets
SERVICES="article-service related-links-service notification-service trending-service site"   # io.kabar.schemas.topics.Service
random() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }

if [ ! -f "$BROKERS/store.password" ]; then
  P="$(random 24 | tr -d '/+=')"
  work="$(mktemp -d)"
  keytool -genkeypair -alias ca -dname CN=kabar-ca -ext bc:c -keyalg EC -groupname secp256r1 -validity 3650 \
    -keystore "$work/ca.p12" -storetype PKCS12 -storepass "$P"
  keytool -exportcert -rfc -alias ca -keystore "$work/ca.p12" -storepass "$P" >"$CA/ca.crt"
  for name in kafka-1 kafka-2 kafka-3 kafka-admin; do
    dir="$BROKERS"; [ "$name" = kafka-admin ] && dir="$ADMIN"
    keytool -genkeypair -alias "$name" -dname "CN=$name" -keyalg EC -groupname secp256r1 -validity 825 \
      -keystore "$dir/$name.p12" -storetype PKCS12 -storepass "$P"
    keytool -certreq -alias "$name" -keystore "$dir/$name.p12" -storepass "$P" \
      | keytool -gencert -alias ca -keystore "$work/ca.p12" -storepass "$P" -validity 825 -rfc \
          -ext "SAN=dns:$name,dns:localhost" -ext KU=digitalSignature -ext EKU=serverAuth,clientAuth >"$work/$name.crt"
    keytool -importcert -noprompt -alias ca -file "$CA/ca.crt" -keystore "$dir/$name.p12" -storepass "$P"
    keytool -importcert -noprompt -alias "$name" -file "$work/$name.crt" -keystore "$dir/$name.p12" -storepass "$P"
  done
  keytool -importcert -noprompt -alias ca -file "$CA/ca.crt" -keystore "$BROKERS/truststore.p12" \
    -storetype PKCS12 -storepass "$P"
  printf 'password=%s\n' "$P" >"$BROKERS/store.properties"
  printf '%s\n' "$P" >"$ADMIN/store.password"
  printf '%s\n' "$P" >"$BROKERS/store.password"   # written last: its presence means "done"
  rm -rf "$work"
fi

for service in $SERVICES; do
  mkdir -p "$SECRETS/$service"
  [ -f "$SECRETS/$service/password" ] || random 24 >"$SECRETS/$service/password"
done
# AES-256 key for webhook signing secrets at rest (docs/security.md, "Key rotation").
keys="$SECRETS/notification-service/webhook-keys.properties"
[ -f "$keys" ] || printf 'k1=%s\n' "$(random 32)" >"$keys"
# The images run as unprivileged users; each volume is mounted only where it belongs.
chmod -R a+rX "$CA" "$BROKERS" "$ADMIN" "$SECRETS"
echo "kafka-init: certificates and credentials ready"
