/**
 * The identity-vault fields of one reply document: a value sealed for one of them opens under
 * that document and field only, so a file or a name copied onto another document does not open.
 */
export function replyDocumentFields(documentId: string) {
  return {
    content: `reply-document/${documentId}`,
    filename: `reply-document/${documentId}/filename`,
  } as const;
}

/**
 * Whose data key seals a communication's documents: its case's, so that erasing the case makes
 * them unreadable; a communication about no case (a call for input) has a key of its own.
 */
export function replyDocumentKeySubject(communication: { id: string; caseId: string | null }): string {
  return communication.caseId ?? communication.id;
}
