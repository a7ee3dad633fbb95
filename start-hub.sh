#!/usr/bin/env bash
#
# Registre Hub - builds the distribution (tests skipped) and starts the hub in the foreground with the Karaf console.
#
#   ./start-hub.sh            build, then start with the console (type registre:sante, logout or Ctrl-D to stop)
#   ./start-hub.sh server     build, then start without console (stop with Ctrl-C)
#   SKIP_BUILD=1 ./start-hub.sh   start the last build without rebuilding
#
# PostgreSQL: REGISTRE_DB_HOST, REGISTRE_DB_PORT, REGISTRE_DB_NAME (defaults 127.0.0.1, 5432, registre). On a trusted
# local server the script creates the roles registre_proprietaire (owns the schema, runs the migrations) and
# registre_application (the hub's connection) and the database; otherwise set REGISTRE_DB_USER, REGISTRE_DB_PASSWORD,
# REGISTRE_DB_OWNER, REGISTRE_DB_OWNER_PASSWORD yourself (docs/exploitation.md).
# Ports: REGISTRE_HTTP_PORT (8181), REGISTRE_BROKER_PORT (61616), REGISTRE_SSH_PORT (8101),
#        REGISTRE_RMI_REGISTRY_PORT (1099), REGISTRE_RMI_SERVER_PORT (44444).
#
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "Java 17 est requis (commande java introuvable)." >&2
  exit 1
fi
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "Construction de la distribution (mvn install, sans les tests)..."
  mvn -B -q install -DskipTests
fi

# The hub runs from its own copy of the distribution, target/hub (never from the build output, which the next build
# archives): unpacked again after each build, kept otherwise (its data/ - journal, logs - survives restarts).
archive=$(ls assembly/target/registre-assembly-*.tar.gz 2>/dev/null | head -1)
if [ -z "$archive" ]; then
  echo "Distribution absente (assembly/target/*.tar.gz) : lancez ./start-hub.sh sans SKIP_BUILD." >&2
  exit 1
fi
hub=target/hub
if [ ! -f "$hub/.depuis" ] || [ "$archive" -nt "$hub/.depuis" ]; then
  # the first administrator's secret (data/registre) outlives a new build: the database keeps that administrator
  garde=""
  if [ -d "$hub/data/registre" ]; then
    garde=$(mktemp -d)
    cp -a "$hub/data/registre" "$garde/"
  fi
  rm -rf "$hub"
  mkdir -p "$hub"
  tar xzf "$archive" -C "$hub" --strip-components=1
  if [ -n "$garde" ]; then
    mkdir -p "$hub/data"
    cp -a "$garde/registre" "$hub/data/"
    rm -rf "$garde"
  fi
  touch "$hub/.depuis"
fi
# Least privilege on a trusted local server (quick start): the schema belongs to registre_proprietaire, which runs the
# migrations; the hub works as registre_application, which owns nothing and only adds to the audit trail. Skipped when
# REGISTRE_DB_USER is set (your own roles, see docs/exploitation.md) or psql is missing; a database left by an older
# quick start (owned by postgres) is kept as it is, with the postgres account.
db_nom="${REGISTRE_DB_NAME:-registre}"
if [ -z "${REGISTRE_DB_USER:-}" ] && command -v psql >/dev/null 2>&1; then
  psql_admin=(psql -w -X -q -v ON_ERROR_STOP=1 -h "${REGISTRE_DB_HOST:-127.0.0.1}" -p "${REGISTRE_DB_PORT:-5432}"
              -U "${REGISTRE_DB_ADMIN_USER:-postgres}" -d postgres)
  if "${psql_admin[@]}" -tAc "SELECT 1" >/dev/null 2>&1; then
    "${psql_admin[@]}" <<SQL
SELECT 'CREATE ROLE registre_proprietaire LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'registre_proprietaire') \gexec
SELECT 'CREATE ROLE registre_application LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'registre_application') \gexec
SELECT format('CREATE DATABASE %I OWNER registre_proprietaire', '$db_nom') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db_nom') \gexec
SQL
    proprietaire=$("${psql_admin[@]}" -tAc "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$db_nom'")
    if [ "$proprietaire" = "registre_proprietaire" ]; then
      export REGISTRE_DB_USER=registre_application REGISTRE_DB_OWNER=registre_proprietaire
      echo "PostgreSQL : base $db_nom à registre_proprietaire (migrations), le hub travaille en registre_application."
    else
      echo "PostgreSQL : la base $db_nom existante appartient à $proprietaire ; le hub garde ce compte" \
           "(moindre privilège : docs/exploitation.md, « Base de données »)."
    fi
  fi
fi
# The hub's certificate for HTTPS (REGISTRE_HTTPS=true) and the ERPs' AMQPS acceptor (127.0.0.1:61617): without one of
# yours in $hub/etc/registre-tls.p12, a self-signed one for localhost is drawn once, its password kept beside it (owner
# only). In production, put your authority's certificate there and set REGISTRE_TLS_MOT_DE_PASSE (docs/exploitation.md).
magasin="$hub/etc/registre-tls.p12"
motdepasse_tls="$hub/etc/registre-tls.motdepasse"
if [ -z "${REGISTRE_TLS_MOT_DE_PASSE:-}" ]; then
  if [ ! -f "$magasin" ] && [ -x "$JAVA_HOME/bin/keytool" ]; then
    umask_avant=$(umask)
    umask 077
    head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$motdepasse_tls"
    "$JAVA_HOME/bin/keytool" -genkeypair -alias registre-hub -keyalg EC -groupname secp256r1 -validity 825 \
      -dname "CN=localhost, O=Registre Hub (demarrage rapide)" -ext SAN=dns:localhost,ip:127.0.0.1 \
      -storetype PKCS12 -keystore "$magasin" -storepass "$(cat "$motdepasse_tls")" >/dev/null 2>&1 \
      && echo "Certificat auto-signé du démarrage rapide : $magasin (mot de passe dans $motdepasse_tls)."
    umask "$umask_avant"
  fi
  if [ -f "$magasin" ] && [ -f "$motdepasse_tls" ]; then
    REGISTRE_TLS_MOT_DE_PASSE="$(cat "$motdepasse_tls")"
    export REGISTRE_TLS_MOT_DE_PASSE
  fi
fi
secret="$hub/data/registre/admin.secret"
if [ -f "$secret" ]; then
  echo "Administrateur du hub : identifiant et mot de passe dans $secret (créé au premier démarrage)."
else
  echo "Premier démarrage : le mot de passe de l'administrateur sera écrit dans $secret (voir docs/acces-et-audit.md)."
fi
echo "Démarrage de Registre Hub : REST http://127.0.0.1:${REGISTRE_HTTP_PORT:-8181}/api/v1, SOAP /ws/registre/v1," \
     "AMQP 127.0.0.1:${REGISTRE_BROKER_PORT:-61616}, base ${REGISTRE_DB_HOST:-127.0.0.1}:${REGISTRE_DB_PORT:-5432}/${REGISTRE_DB_NAME:-registre}"
exec "$hub/bin/karaf" "$@"
