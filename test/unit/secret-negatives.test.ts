import * as assert from "node:assert/strict";
import { scan, type Finding } from "../../src/engine";

const SECRETS_ONLY = { categories: { pii: false, term: false } } as const;

function secrets(text: string): Finding[] {
  return scan(text, SECRETS_ONLY).filter((f) => f.category === "secret");
}

function describeFindings(text: string, found: Finding[]): string {
  return found.map((f) => `${f.ruleId} ${f.preview} @${f.start}`).join(", ") + ` in ${JSON.stringify(text.slice(0, 80))}`;
}

/** Lines that name a secret without holding one: references, placeholders, shapes, code. */
const HARD_NEGATIVES: Record<string, readonly string[]> = {
  "environment and config references": [
    'password = os.environ["DB_PASSWORD"]',
    "api_key = os.getenv('API_KEY')",
    "const token = process.env.GITHUB_TOKEN;",
    "password: process.env.DB_PASSWORD || ''",
    "secret: ${JWT_SECRET}",
    "DB_PASSWORD=${DB_PASSWORD}",
    "export API_TOKEN=$API_TOKEN",
    "token: ${{ secrets.NPM_TOKEN }}",
    "password: {{ .Values.db.password }}",
    'password: "{{ vault_db_password }}"',
    "client_secret = ENV['CLIENT_SECRET']",
    "String secret = System.getenv(\"APP_SECRET\");",
    "secretKey := os.Getenv(\"SECRET_KEY\")",
    "$password = getenv('DB_PASS');",
    "api_key = settings.STRIPE_API_KEY",
    "token = config.auth.token",
    "password: !Ref DbPassword",
    "secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf",
    "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
    "Authorization: Bearer ${ACCESS_TOKEN}",
    "headers: { Authorization: `Bearer ${token}` }",
  ],
  placeholders: [
    "API_KEY=<your-api-key>",
    "API_KEY=YOUR_API_KEY",
    "api_key: your_api_key_here",
    'password = "changeme"',
    "password: change-me",
    "SECRET_KEY=xxxxxxxxxxxxxxxxxxxxxxxx",
    "PASSWORD=********",
    "token: '****************'",
    'api_key = "example-api-key-123456"',
    'secret = "dummy_secret_for_tests_000"',
    "password: test",
    'api_token = "REPLACE_WITH_YOUR_TOKEN"',
    "OPENAI_API_KEY=sk-...",
    "STRIPE_SECRET_KEY=sk_live_...",
    "password: <password>",
    "password = '...'",
    "Authorization: Bearer <token>",
    "Authorization: Basic YOUR_CREDENTIALS",
    "https://user:password@example.com",
    "postgres://postgres:postgres@localhost:5432/app",
    "mongodb://username:password@localhost:27017/db",
    "mysql://root:${MYSQL_ROOT_PASSWORD}@db:3306/app",
  ],
  "empty and literal values": [
    'password = ""',
    "password=",
    "password: null",
    "password = None",
    "password: nil",
    "secret: true",
    "api_key: false",
    "token = undefined",
    "password: ~",
  ],
  "shapes that are not secrets": [
    "id: 123e4567-e89b-12d3-a456-426614174000",
    "api_key: 123e4567-e89b-12d3-a456-426614174000",
    "commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3",
    "token_sha: a94a8fe5ccb19ba61c4c0873d391e987982fbbd3a94a8fe5",
    '"integrity": "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUR2vA=="',
    'secret_hash: "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="',
    'background: url("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")',
    "token_color: #ff00aa",
    "secret_file: /etc/app/secrets/db-password.txt",
    "token_path = ./config/credentials/service-account.json",
    'private_key_path: "~/.ssh/id_ed25519"',
    "apiVersion: v1.2.3-beta.4",
    "token_version: 2.14.7",
    "token_expires_at: 2024-06-01T12:30:00Z",
    "password_changed: 2023-11-05 08:15:42",
    "secret_ttl: 86400",
    "password_min_length = 12",
    'token_url = "https://oauth2.googleapis.com/token"',
    'const SECRET_HEADER = "X-Hub-Signature-256";',
    "secretName: my-application-secret-name",
    "password_field_name: user_password_confirmation",
    "tokenizer = AutoTokenizer.from_pretrained('bert-base-uncased')",
    "token_type: 'bearer'",
  ],
  "code that handles secrets": [
    "password = get_password()",
    "password = getpass.getpass('Password: ')",
    "const password = await prompt('password');",
    "password: string;",
    "password?: string;",
    "private readonly password: string",
    "def login(username: str, password: str) -> bool:",
    "func Auth(user string, password string) error {",
    "if (password === confirmPassword) {",
    "if password == 'abc12345':",
    "user.password = hashedPassword;",
    "password: z.string().min(8).max(128),",
    "const token = jwt.sign(payload, secret, { expiresIn: '1h' });",
    "token = request.headers.get('X-Api-Token')",
    "api_key = args.api_key or prompt_for_key()",
    "$password = $_POST['password'];",
    "@Value(\"${app.jwt.secret}\") private String secret;",
    "secret = Secret.from_env('SECRET')",
    "let token = tokens[i].value;",
    "const { token } = await response.json();",
    "credentials: 'include',",
    "passwordField.value = '';",
    "throw new Error('invalid password: too short');",
    "log.info(\"token refreshed for user {}\", userId);",
  ],
};

describe("secret hard negatives stay silent", () => {
  for (const [group, lines] of Object.entries(HARD_NEGATIVES)) {
    describe(group, () => {
      for (const line of lines) {
        it(JSON.stringify(line), () => {
          const found = secrets(line);
          assert.equal(found.length, 0, describeFindings(line, found));
        });
      }
    });
  }
});

/**
 * The same forms with a real-looking value must be found: it keeps the negatives above
 * honest (a rule that never fires would pass them all).
 */
const CONTRAST_POSITIVES: readonly string[] = [
  'password = "Zq8#vLm2pW!x"',
  "DB_PASSWORD=Kd93jfXq2m",
  "password: Tr0ub4dor&3",
  "secret: 9fJ2kLqX7vB3nM8pR4tW6yZ1",
  "export API_TOKEN=q7Xk2PvL9mN4bR8tW3yZ6cF1",
  "client_secret = 'p0O9i8U7y6T5r4E3w2Q1aSdF'",
  "Authorization: Bearer 8f3kLq9XvB2nM7pR4tW6yZ1cD5",
  "https://deploy:K3yB0ard-Cat-91@git.example.com/repo.git",
  "postgres://app:Vq7!xK2pLm9w@db.internal:5432/app",
  "Server=db;Database=app;User Id=app;Password=Vq7xK2pLm9w!;",
  // One per language and format the generic rules claim to read.
  "const dbPassword = 'Vq7!xK2pLm9w';", // JS/TS
  'DB_PASSWORD = "Vq7!xK2pLm9w"', // Python
  'password := "Vq7!xK2pLm9w"', // Go
  'private static final String PASSWORD = "Vq7!xK2pLm9w";', // Java
  "config.password = 'Vq7!xK2pLm9w'", // Ruby
  ":password => 'Vq7!xK2pLm9w',", // Ruby hash
  "$config['db_password'] = 'Vq7!xK2pLm9w';", // PHP
  "[database]\npassword = Vq7!xK2pLm9w\n", // INI
  "db.password=Vq7!xK2pLm9w", // Java properties
  "database:\n  password: Vq7!xK2pLm9w\n", // YAML
  '{"db": {"password": "Vq7!xK2pLm9w"}}', // JSON
  "export DB_PASSWORD='Vq7!xK2pLm9w'", // shell
  "curl -u admin:Vq7xK2pLm9w https://api.example.com", // curl
];

describe("secret contrast positives are found", () => {
  for (const line of CONTRAST_POSITIVES) {
    it(JSON.stringify(line), () => {
      assert.ok(secrets(line).length > 0, `nothing found in ${JSON.stringify(line)}`);
    });
  }
});

describe("secret negatives in whole files", () => {
  it("stays silent on a typical .env.example", () => {
    const text = [
      "# Copy to .env and fill in",
      "DATABASE_URL=postgres://user:password@localhost:5432/app",
      "REDIS_URL=redis://localhost:6379",
      "SECRET_KEY=",
      "API_KEY=your-api-key",
      "STRIPE_SECRET_KEY=sk_test_...",
      "SENTRY_DSN=",
      "JWT_SECRET=change-me",
      "SMTP_PASSWORD=<smtp password>",
      "",
    ].join("\n");
    const found = secrets(text);
    assert.equal(found.length, 0, describeFindings(text, found));
  });

  it("stays silent on a package-lock excerpt", () => {
    const text = JSON.stringify(
      {
        packages: {
          "node_modules/token-types": {
            version: "5.0.1",
            resolved: "https://registry.npmjs.org/token-types/-/token-types-5.0.1.tgz",
            integrity: "sha512-Y2fmSnZjQdDb9W4w4r1tswlMHylzWIeOKpx0aZH9BgGtACHhrk3OkT52/x5Kcu5fWk7Y0qjwT4oWR2Qos6jfyVCQ==",
          },
          "node_modules/secret-handshake": { version: "1.1.21", resolved: "https://registry.npmjs.org/secret-handshake/-/secret-handshake-1.1.21.tgz" },
        },
      },
      null,
      2,
    );
    const found = secrets(text);
    assert.equal(found.length, 0, describeFindings(text, found));
  });
});
