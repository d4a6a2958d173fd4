export type Strength = "weak" | "medium" | "strong";

/** A rough hint only; the rule that counts is the 8-character minimum. */
export function passwordStrength(password: string): Strength {
  let score = 0;
  if (password.length >= 8) score++;
  if (password.length >= 12) score++;
  if (/[a-z]/.test(password) && /[A-Z]/.test(password)) score++;
  if (/\d/.test(password)) score++;
  if (/[^A-Za-z0-9]/.test(password)) score++;
  if (password.length < 8 || score <= 2) return "weak";
  return score >= 4 ? "strong" : "medium";
}

export const MIN_PASSWORD_LENGTH = 8;
