import type { Rule } from "../types";

export const CLOUD_RULES: readonly Rule[] = [
  {
    id: "aws-access-key-id",
    category: "secret",
    kind: "aws-access-key-id",
    title: "AWS access key ID",
    keywords: ["akia", "asia", "abia", "acca"],
    pattern: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g,
    group: 1,
    advice: "deactivate it in IAM and load credentials from the environment or a profile",
    examples: { match: ["aws_access_key_id = AKIAIOSFODNN7EXAMPLF"], noMatch: ["AKIAshort", "AKIA1234567890123456"] },
  },
];
