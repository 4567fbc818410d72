// Limits of logged mail that the API and the task pane share (plain values: no schema code
// reaches the browser through this module).

/** Longest mail body stored, in characters (UTF-16 code units); a longer one is stored cut off. */
export const MAX_MAIL_BODY_LENGTH = 100_000;
