/**
 * @reprisals/sealed-files: files people upload (evidence, documents of a State's reply), read as
 * they stream, typed by their first bytes, sealed with the identity vault and kept one per id in
 * a directory of their own; streamed back out opened and checked against what was recorded. The
 * plaintext is never whole in memory nor in clear on disk. See README.md.
 */
export {
  type FormFieldIssue,
  SealedFileFormInvalid,
  SealedFileIntegrityError,
  SealedFileMissing,
  SealedFileRequestNotMultipart,
  SealedFileTooLarge,
  SealedFileTypeRefused,
  SealedFileUploadAborted,
  type TypeRefusalReason,
} from './errors/sealed-file.errors';
export {
  canonicalContentType,
  declaredTypeBorneOutByContent,
  typeReadFromContent,
  type ContentPolicy,
  type ContentVerdict,
} from './content/content.policy';
export {
  CONTENT_SAMPLE_BYTES,
  ContentInspector,
  type ContentInspectorOptions,
} from './content/content.inspector';
export {
  FILE_PART,
  FILENAME_MAX_CHARACTERS,
  FORM_OVERHEAD_BYTES,
  readSealedFileForm,
  type SealedFileForm,
  type SealedFileFormRules,
  type SealedFileFormTarget,
  type TextPart,
} from './form/sealed-file-form.reader';
export { refuseAnnouncedOversize } from './form/announced-size.check';
export { SealedFileStore, type RemovalFailed, type SealedFileStages } from './store/sealed-file.store';
export { sealedFileStorageProviders } from './store/sealed-file-storage.providers';
export { SealedFileChecksumVerifier, type RecordedFile } from './download/sealed-file-checksum.verifier';
export { sendSealedFile, type SealedFileDownload } from './download/sealed-file.sender';
export { openForDownload, type DownloadAnswers } from './download/sealed-file-download.opener';
export { ApiSealedFileDownload } from './download/api-sealed-file-download.decorator';
export {
  sealedFileUploadRefusal,
  type SealedFileAnswers,
  type SealedFileRefusal,
} from './upload/sealed-file-upload.refusal';
export { closingUnreadUpload } from './upload/unread-upload.closer';
export {
  ApiSealedFileUpload,
  type DocumentedTextPart,
  type SealedFileUploadDocs,
} from './upload/api-sealed-file-upload.decorator';
export {
  directoryRequiredInProduction,
  directorySetting,
  settingProblems,
  storageDirectory,
  unsetWhenEmpty,
} from './config/storage-directory.config';
