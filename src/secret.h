/* secret: recognise AWS credentials and secret-looking names in text (SL101-SL103, SL405). */
#ifndef SAMLINT_SECRET_H
#define SAMLINT_SECRET_H

#include <stddef.h>

/* Length of an AWS access key id (4-letter prefix + 16 of [A-Z2-7]). */
#define SECRET_ACCESS_KEY_LEN 20
/* Length of an AWS secret access key value. */
#define SECRET_KEY_VALUE_LEN 40

/* Find the first AWS access key id in s[0..len): one of the prefixes AKIA,
 * ASIA, ABIA, ACCA, AGPA, AIDA, AIPA, AROA, ANPA, ANVA, APKA followed by 16
 * characters of [A-Z2-7], with a word boundary on both sides (the bytes
 * around it are not [A-Za-z0-9_]). Returns 1 and sets *off to its offset
 * (the id is SECRET_ACCESS_KEY_LEN bytes long), else 0. s need not be
 * NUL-terminated. */
int secret_find_access_key(const char *s, size_t len, size_t *off);

/* The same for the credential rules (SL101, SL102, SL405): AWS's documented
 * placeholders (an id ending in EXAMPLE, such as AKIAIOSFODNN7EXAMPLE) and
 * ids inside an ARN (the run of characters holding it starts with "arn:",
 * as in arn:aws:kms:...:key/...) are skipped: they are no credentials. */
int secret_find_credential_id(const char *s, size_t len, size_t *off);

/* Is s[0..len) one of AWS's documented sample values: it holds "EXAMPLE"
 * (AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY)? */
int secret_is_placeholder(const char *s, size_t len);

/* Does the character at s[at] lie inside an ARN: the run of characters
 * without space, quote or bracket (braces allowed: ${AWS::Region}) that holds it starts with "arn:"
 * (looked for at most 2,048 bytes back, an ARN's longest)? */
int secret_in_arn(const char *s, size_t at);

/* Is the WHOLE value s[0..len) a secret access key: exactly 40 characters
 * of [A-Za-z0-9/+] (surrounding spaces are not trimmed)? Template values are
 * judged whole: a longer or shorter string is something else. */
int secret_is_secret_key_value(const char *s, size_t len);

/* For free text (handler code): find the first run of exactly 40
 * characters of [A-Za-z0-9/+] that is not part of a longer run of those
 * characters and holds at least one digit or '/' or '+' and one letter
 * (a bare word is not a key). Returns 1 and sets *off, else 0. */
int secret_find_secret_key_value(const char *s, size_t len, size_t *off);

/* Find the first run of exactly 40 characters of [A-Za-z0-9/+] in
 * s[0..len) (s[0] counts as starting one), whatever they are: the shape of
 * a secret access key, for a cheap look before a costlier match. Returns 1
 * and sets *off, else 0. */
int secret_find_key_run(const char *s, size_t len, size_t *off);

/* Mask, in place, every access key id and every run of exactly 40
 * characters of [A-Za-z0-9/+] in s[0..len) after their first 4
 * characters ('*'; the length is kept). For text shown to the user that
 * may hold a secret (source excerpts). */
void secret_mask_text(char *s, size_t len);

/* Mask, in place, only the access key ids in s[0..len) (after their first
 * 4 characters). */
void secret_mask_access_keys(char *s, size_t len);

/* For messages and names (logical ids, Ref/GetAtt/Sub/DependsOn/Condition
 * names, paths): mask, in place, access key ids and every run of exactly
 * 40 characters of [A-Za-z0-9/+] that holds a letter and a digit, '/' or
 * '+' (a secret's shape; a 40-letter identifier is left alone). */
void secret_mask_names(char *s, size_t len);
/* For file names: secret_mask_names on each '/'-separated part, so that a
 * file or folder named like a secret is masked, while a path whose
 * separators happen to make a 40-character run is not. */
void secret_mask_path(char *s, size_t len);
/* Would secret_mask_names change s[0..len)? */
int secret_has_name_secret(const char *s, size_t len);

/* Does a key or variable name say "AWS secret access key"? Compared
 * case-insensitively with '_', '-', '.' and spaces ignored: it contains
 * "secretaccesskey", "secretkey" or "awssecret" (AWS_SECRET_ACCESS_KEY,
 * SecretAccessKey, aws_secret, secret-key). NULL gives 0. */
int secret_name_says_secret_key(const char *name);

/* Does a name look like it holds a secret (SL103)? Case-insensitive, with
 * '_', '-', '.' and spaces ignored: it contains password, passwd, secret,
 * token, apikey or privatekey, and it does not end in a word that names
 * something about the secret rather than the secret itself (Arn, Id, Name,
 * Length, Type, Policy, Validity, Units, Version, Ttl, Url, Uri, Header,
 * Path, Parameter, Enabled, ...). NULL gives 0. */
int secret_name_looks_secret(const char *name);

/* Does a name contain one of those secret words at all (even when it
 * ends in a describing word: "TokenValidityUnits", "PasswordPolicy")? */
int secret_name_mentions_secret(const char *name);

/* Both answers above from one look at the name: SECRET_NAME_MENTIONS when
 * it contains a secret word, with SECRET_NAME_LOOKS when it also looks like
 * a secret (secret_name_looks_secret). NULL gives 0. */
enum { SECRET_NAME_MENTIONS = 1, SECRET_NAME_LOOKS = 2 };
int secret_name_class(const char *name);

/* Is s a CloudFormation dynamic reference to a secret store:
 * "{{resolve:secretsmanager:...}}" or "{{resolve:ssm-secure:...}}"
 * (also "{{resolve:ssm:...}}") anywhere in it? */
int secret_is_dynamic_ref(const char *s);

#endif
