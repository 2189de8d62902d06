/**
 * The identity-vault fields of one attachment: a value sealed for one of them opens under that
 * attachment and field only, so a file, a name or a checksum copied onto another attachment or
 * case does not open.
 */
export function evidenceFields(attachmentId: string) {
  return {
    content: `attachment/${attachmentId}`,
    filename: `attachment/${attachmentId}/filename`,
    description: `attachment/${attachmentId}/description`,
    sha256: `attachment/${attachmentId}/sha256`,
  } as const;
}
