import type { Rule } from "../types";
import { ALNUM, BASE64, URLSAFE, fake } from "./fake";
import { NAME_END, OPERATOR, VALUE_END, decodeBase64, decodedText, isPlaceholder, looksLikePassword, looksLikeToken, looksLikeUrlPassword, textBefore } from "./heuristics";
import { shannonEntropy } from "../validate/entropy";
import { isPlaceholderSecret } from "./placeholder";

/** Base64 payload of a PEM block once the armour, headers and line breaks are gone. */
function pemBody(block: string): string {
  const afterBegin = block.replace(/^-----BEGIN[^-]*-----/, "").replace(/-----END[\s\S]*$/, "");
  return afterBegin.replace(/\\[nr]/g, "\n").replace(/^[A-Za-z-]+: .*$/gm, "").replace(/[^A-Za-z0-9+/=]/g, "");
}

/** A JWT's header is base64url JSON naming its algorithm (JWS and JWE headers both carry `alg`). */
function isJwtHeader(token: string): boolean {
  const header = decodeBase64(token.slice(0, token.indexOf(".")));
  return /^\s*\{/.test(header) && /"alg"\s*:/.test(header);
}

/** A base64 value (a Kubernetes Secret's `data:`) that decodes to a placeholder: `cGFzc3dvcmQ=` is "password". */
function decodesToPlaceholder(value: string): boolean {
  const text = decodedText(value);
  return text !== "" && (isPlaceholder(text) || isPlaceholderSecret(text));
}

/** Names of things that hold a secret value but are not one (`tokenUrl`, `secret_name`). */
const NOT_A_SECRET_NAME =
  /(?:url|uri|endpoint|host|type|name|names|path|file|dir|id|ids|len|length|count|size|header|field|prefix|suffix|pattern|regex|expir\w*|ttl|timeout|env|var|ref|arn|label|format|kind|mode|version|provider|store|manager|policy|scope|scopes|hash|salt|iv|sha|sha1|sha256|sha512|md5|checksum|digest|etag|commit|rev|revision)["']?$/i;

const PEM_BLOCK =
  /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:(?:\\r)?(?:\\n|\r?\n)[A-Za-z-]{2,40}: [^\r\n\\]{0,200}){0,8}(?:[A-Za-z0-9+/=\s]|\\[nr]){64,30000}(?:-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-{0,5})?/g;

const DB_SCHEMES =
  "postgres(?:ql)?|mysql|mysqlx|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|clickhouse|cockroachdb|couchdbs?|neo4j(?:\\+s)?|bolt|cassandra|oracle|db2|snowflake|nats|memcached|ldaps?|kafka|elasticsearch|influxdb|mqtts?";

export const GENERIC_RULES: readonly Rule[] = [
  {
    id: "private-key",
    category: "secret",
    kind: "private-key",
    title: "Private key",
    keywords: ["private key-----", "private key block-----"],
    // One finding per block, END optional (a truncated paste is still a key); the body
    // class excludes "-", so an unterminated BEGIN costs one bounded run, never a rescan.
    pattern: PEM_BLOCK,
    window: { before: 64, after: 32000, multiline: true },
    validate: (v) => {
      const body = pemBody(v);
      return body.length >= 64 && shannonEntropy(body) >= 4;
    },
    confidence: 0.95,
    advice: "treat the key as compromised: rotate it and keep key files out of what you share",
    examples: {
      match: [
        "-----BEGIN RSA PRIVATE KEY-----\n" + fake(64, BASE64) + "\n" + fake(64, BASE64, 2) + "\n" + fake(20, BASE64, 3) + "==\n-----END RSA PRIVATE KEY-----\n",
        '{"key": "-----BEGIN PRIVATE KEY-----\\n' + fake(64, BASE64, 4) + "\\n" + fake(64, BASE64, 5) + '\\n-----END PRIVATE KEY-----\\n"}',
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA" + fake(70, BASE64, 6) + "\n-----END OPENSSH PRIVATE KEY-----",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + fake(64, BASE64, 7) + "\n" + fake(64, BASE64, 8) + "\n-----END ENCRYPTED PRIVATE KEY-----",
        "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n" + fake(64, BASE64, 9) + "\n" + fake(40, BASE64, 10) + "\n-----END EC PRIVATE KEY-----",
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\nlQOYBF" + fake(64, BASE64, 11) + "\n" + fake(64, BASE64, 12) + "\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----",
        "-----BEGIN DSA PRIVATE KEY-----\n" + fake(64, BASE64, 13) + "\n" + fake(30, BASE64, 14),
      ],
      noMatch: [
        "-----BEGIN PRIVATE KEY-----\nxxx\n-----END PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\n***\n-----END PRIVATE KEY-----",
        '"private_key":"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"',
        "-----BEGIN PRIVATE KEY-----\nYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=\n-----END PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\n" + "A".repeat(200) + "\n-----END PRIVATE KEY-----",
        "-----BEGIN CERTIFICATE-----\n" + fake(64, BASE64) + "\n-----END CERTIFICATE-----",
      ],
    },
  },
  {
    id: "hex-private-key",
    category: "secret",
    kind: "crypto-private-key",
    title: "Raw secp256k1 / Ethereum private key",
    keywords: ["private key", "private_key", "privatekey", "private-key", "privkey", "priv_key", "secret key"],
    // 0x + 64 hex is also a transaction hash; only trust it next to the words.
    pattern: /(?<![A-Za-z0-9])(0x[a-fA-F0-9]{64})(?![A-Za-z0-9])/g,
    group: 1,
    window: { before: 200, after: 200, multiline: true },
    entropy: 3.2,
    confidence: 0.8,
    advice: "move the funds to a new wallet and keep keys in a keystore or hardware wallet",
    examples: {
      match: ["const PRIVATE_KEY = '0x" + fake(64, "0123456789abcdef") + "';", "my wallet's private key is 0x" + fake(64, "0123456789abcdef", 2)],
      noMatch: ["tx hash 0x" + fake(64, "0123456789abcdef"), "private key: 0x" + "0".repeat(64)],
    },
  },
  {
    id: "jwt",
    category: "secret",
    kind: "jwt",
    title: "JSON Web Token",
    keywords: ["eyj"],
    pattern: /(?<![\w.-])(eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{16,2000})(?![\w-])/g,
    group: 1,
    validate: (v) => isJwtHeader(v),
    confidence: 0.85,
    advice: "treat the token as live until it expires: revoke the session and share a redacted copy",
    examples: {
      match: ["Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." + fake(43, URLSAFE)],
      noMatch: ["eyJhbGciOiJIUzI1NiJ9.e30.short", "eyJub3RhIjoiand0In0.eyJzdWIiOiIxIn0." + fake(43, URLSAFE)],
    },
  },
  {
    id: "url-credentials",
    category: "secret",
    kind: "url-credentials",
    title: "Password in a URL",
    keywords: ["://"],
    pattern: /(?<=[A-Za-z0-9])(?::\/\/)([^\s:@/?#"'<>\\`]{1,100}):([^\s/?#"'<>\\`]{1,200})@(?=[\w[])/g,
    group: 2,
    validate: (v, m) => looksLikeUrlPassword(m[1], v),
    confidence: 0.85,
    advice: "change that password and pass credentials separately from the URL",
    examples: {
      match: ["https://apiuser:r3alP4ssw0rd@api.production.com/v2", "ftp://deploy:s3cur3K3y2024@files.example.net/up", "git clone https://oauth2:" + fake(20) + "@gitlab.example.com/x.git"],
      noMatch: [
        "https://${username}:${password}@api.example.com",
        "https://{{user}}:{{pass}}@config.example.com",
        "https://username:password@example.com",
        "https://YOUR_USERNAME:YOUR_PASSWORD@api.service.com",
        "https://user:abc@api.com",
        "https://user:1111@service.com",
        "https://testuser:xxxx@demo.com",
        "https://example.com:8080/path",
        "ssh://git@github.com/org/repo.git",
      ],
    },
  },
  {
    id: "connection-string",
    category: "secret",
    kind: "connection-string",
    title: "Database connection string with a password",
    keywords: ["postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver", "clickhouse", "cockroachdb", "couchdb", "neo4j", "bolt://", "cassandra", "oracle://", "db2://", "snowflake://", "nats://", "memcached://", "ldap", "kafka://", "elasticsearch://", "influxdb://", "mqtt"],
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9+.-])(?:jdbc:)?(?:${DB_SCHEMES}):\/\/([^\s:@/?#"'<>\\\x60]{1,100}):([^\s/?#"'<>\\\x60]{1,200})@(?=[\w[])`, "gi"),
    group: 2,
    validate: (v, m) => looksLikeUrlPassword(m[1], v),
    confidence: 0.92,
    advice: "change the database password and load the connection string from the environment",
    examples: {
      match: [
        'const MONGO_URI = "mongodb://realuser:s3cr3tP4ss@db1.example.net:27017/production";',
        "mongodb+srv://appuser:myR3alP@ssw0rd@cluster0.mongodb.net/mydb?retryWrites=true",
        "jdbc:mysql://admin:str0ngP4ss@db.company.com:3306/app_db",
        "DATABASE_URL=postgresql://pguser:secur3Pass@postgres.example.com:5432/production_db",
        "REDIS_URL=rediss://default:" + fake(32) + "@redis.example.com:6380",
      ],
      noMatch: [
        "mongodb://username:password@localhost:27017/database",
        "mysql://user:${PASSWORD}@example.com:3306/db",
        "postgresql://{username}:{password}@{{host}}:5432/{database}",
        "mongodb://localhost:27017/database",
        "mongodb://YOUR_USERNAME:YOUR_PASSWORD@cluster.mongodb.net/test",
        "mysql://admin:REPLACE_WITH_PASSWORD@mysql.server.com:3306/database",
        "postgres://postgres:postgres@localhost:5432/database",
        "DB_URL = postgres://$(PGUSER):$(PGPASSWORD)@$(PGHOST)/$(PGDATABASE)",
      ],
    },
  },
  {
    id: "connection-string-ado",
    category: "secret",
    kind: "connection-string",
    title: "Password in a key=value connection string",
    keywords: ["password=", "pwd="],
    pattern: /(?<![\w-])(?:password|pwd)\s{0,2}=\s{0,2}([^;&"'\s=]{1,200}={0,2})(?=[;&]|["'\s]|$)/gi,
    group: 1,
    // ADO.NET, ODBC, JDBC properties: the password sits beside a server and a user.
    validate: (v, m) =>
      /(?:server|data source|host|address|addr|database|initial catalog|uid|user id|user|username|dsn)\s{0,2}=|jdbc:/i.test(textBefore(m, 300)) && looksLikeUrlPassword(undefined, v) && !/^\$|^\{|^%/.test(v),
    confidence: 0.9,
    advice: "change the password and load the connection string from a secret store or the environment",
    examples: {
      match: [
        "Server=tcp:db.example.net,1433;Database=app;User ID=app;Password=Str0ng!Pass#2024;",
        "jdbc:postgresql://db.internal:5432/app?user=app&password=Tr0ub4dor3x&ssl=true", "Driver={ODBC Driver 18};Server=db;Uid=sa;Pwd=" + fake(16) + ";"],
      noMatch: [
        "Server=myServerAddress;Database=myDataBase;Uid=myUsername;Pwd=myPassword;",
        "Host=your_host; Port=5432; Database=your_database; Username=your_username; Password=your_password;",
        "Password=" + fake(16),
      ],
    },
  },
  {
    id: "authorization-header",
    category: "secret",
    kind: "authorization-header",
    title: "Credentials in an Authorization header",
    keywords: ["authorization", "bearer"],
    pattern: /(?:authorization["']?\s{0,4}[:=]\s{0,4}["'`]?\s{0,2}(?:basic|bearer|token|bot|digest|apikey|sharedaccesssignature)|(?<![\w-])bearer)\s{1,4}([A-Za-z0-9._~+/=:%-]{12,4000})/gi,
    group: 1,
    validate: (v) => looksLikeToken(v, 12, 3),
    confidence: 0.85,
    advice: "revoke that token and keep headers with credentials out of logs and pastes",
    examples: {
      match: ['curl -H "Authorization: Bearer ' + fake(40, URLSAFE) + '" https://api.example.com', "Authorization: Basic " + "dXNlcjpTM2NyZXQhUGFzcw==", "headers: { Authorization: 'token " + fake(40) + "' }"],
      noMatch: ["Authorization: Bearer ${TOKEN}", "Authorization: Bearer <token>", "headers.Authorization = `Bearer ${token}`", "Authorization: Bearer YOUR_ACCESS_TOKEN", "bearer token authentication"],
    },
  },
  {
    id: "password-assignment",
    category: "secret",
    kind: "password-assignment",
    title: "Hard-coded password",
    keywords: ["password", "passwd", "passphrase", "pwd", "mot_de_passe", "motdepasse"],
    // `(?=(value))\3` takes the value atomically: a value that does not end where it should
    // fails at once instead of being retried one character shorter at a time. "=" and ":"
    // only as base64 padding, so "pwd=pwd:pwd=…" cannot make every keyword scan far ahead.
    // NAME_END and OPERATOR: every assignment syntax (see heuristics.ts); group 1 is the name,
    // its rest taken whole (`(?=(…))\2`) so each keyword costs one run, not a try per length.
    pattern: new RegExp(
      String.raw`((?:password|passwd|passphrase|pwd|mot_de_passe|motdepasse)(?=([\w.-]{0,20}))\2)` + NAME_END + OPERATOR + String.raw`(\\?["'\x60]?)(?=([^\s"'\x60,;()[\]{}<>=:\\]{5,120}={0,2}))\4\3` + VALUE_END,
      "gi",
    ),
    group: 4,
    // The hit's line and the next: `key: |` blocks and XML values on their own line.
    window: { before: 32, after: 400, nextLine: true },
    validate: (v, m) => looksLikePassword(v, m[3] !== "") && !NOT_A_SECRET_NAME.test(m[1]) && !decodesToPlaceholder(v),
    confidence: 0.75,
    advice: "change the password and load it from the environment or a secret store",
    examples: {
      match: [
        'password = "Summer2024!x"',
        "DB_PASSWORD=hunter22",
        "spring.datasource.password=S3cr3tValue",
        "  password: Tr0ub4dor&3",
        '{"password": "c0rrect-h0rse"}',
        "$password = 'P@ssw0rd2024';",
        "'password' => 'xK9#mQ2$vL',",
        'dbPassword := "n0tS0S3cret"',
        'String password = "Zx81Spectrum";',
        "export MYSQL_ROOT_PASSWORD=9fj3Kd8s",
        "mysql --user=app --password=strongp@55!",
        '    mot_de_passe: "Lac-Leman#2027"',
      ],
      noMatch: [
        'password = os.environ["DB_PASSWORD"]',
        "password: process.env.DB_PASSWORD",
        "password = get_password()",
        "password: string;",
        'password: "${DB_PASSWORD}"',
        "password: {{ vault_password }}",
        'password = "<your-password>"',
        'password = "changeme"',
        'password = ""',
        "password: null",
        "password = None",
        "PASSWORD=********",
        "password == 'abc12345'",
        "password_min_length = 12",
        "password_reset_url = 'https://example.com/reset'",
        "password = userPassword",
        "passwordField: 'password-input'",
        'password = "password123"',
        "password: $DB_PASSWORD",
      ],
    },
  },
  {
    id: "secret-assignment",
    category: "secret",
    kind: "secret-assignment",
    title: "Hard-coded secret, token or API key",
    keywords: ["secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey", "auth_key", "authkey", "private_key", "credential", "client_key", "signing_key", "encryption_key", "master_key"],
    pattern: new RegExp(
      String.raw`((?:secret|token|api[_-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|credentials?|client[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key)(?=([\w.-]{0,20}))\2)` +
        NAME_END +
        OPERATOR +
        String.raw`(\\?["'\x60]?)(?=([A-Za-z0-9+/_.~!@#$%^*-]{14,300}={0,2}))\4\3` +
        VALUE_END,
      "gi",
    ),
    group: 4,
    // The hit's line and the next: `key: |` blocks and XML values on their own line.
    window: { before: 32, after: 400, nextLine: true },
    // `hashed_secret` (detect-secrets' baselines), `secret_hash`: a digest of the secret, not it.
    validate: (v, m) => looksLikeToken(v, 16, 3.3, m[3] !== "") && !NOT_A_SECRET_NAME.test(m[1]) && !/hash(?:ed)?[_-]?$/i.test(textBefore(m, 8)) && !decodesToPlaceholder(v),
    confidence: 0.7,
    advice: "revoke it and load it from the environment or a secret store",
    examples: {
      match: [
        'API_KEY = "' + fake(32) + '"',
        "export SERVICE_TOKEN=" + fake(40, URLSAFE),
        "client_secret: " + fake(24),
        '{"apiKey": "' + fake(32, ALNUM, 2) + '"}',
        "SECRET_KEY = 'django-insecure-" + fake(30, ALNUM, 3) + "'",
        "$config['api_key'] = '" + fake(28, ALNUM, 4) + "';",
        'azureClientSecret := "' + fake(40, ALNUM, 5) + '"',
      ],
      noMatch: [
        '"hashed_secret": "513e0a36963ae1e8431c041b744679ee578b7c44",',
        "api_key = os.environ['API_KEY']",
        "token = request.headers.get('X-Token')",
        "API_KEY=YOUR_API_KEY",
        "secret: xxxxxxxxxxxxxxxxxxxx",
        "token: ${{ secrets.GITHUB_TOKEN }}",
        "api_key: 123e4567-e89b-12d3-a456-426614174000",
        'token_url = "https://oauth2.example.com/token"',
        "secretName: my-application-secret-name",
        "tokenizer = AutoTokenizer.from_pretrained('bert-base-uncased')",
        'csrf_token = "{{ csrf_token }}"',
        "token_type: 'bearer'",
        'api_key: "sha512-' + fake(40, BASE64) + '"',
        "accessKey: this.config.credentials.accessKeyId",
        "secret = '0123456789012345678901'",
      ],
    },
  },
  {
    id: "curl-user-credentials",
    category: "secret",
    kind: "password-assignment",
    title: "Password passed to curl -u",
    keywords: ["curl"],
    pattern: /(?<=\s)(?:-u|--user)(?:\s{1,4}|=)["']?([^\s:"'$]{1,100}):([^\s"']{1,200}?)["']?(?=\s|$)/g,
    group: 2,
    validate: (v, m) => /\bcurl\b/.test(textBefore(m, 400)) && looksLikeUrlPassword(m[1], v) && !isPlaceholder(v),
    confidence: 0.85,
    advice: "change that password and let curl read it from a .netrc file or a prompt",
    examples: {
      match: ["curl -u admin:Sup3rS3cret! https://api.example.com", 'curl --user "deploy:' + fake(20) + '" https://ci.example.com'],
      noMatch: ["curl -u $USER:$PASS https://api.example.com", "curl -u user:password https://x", "git -u origin:main"],
    },
  },
];
