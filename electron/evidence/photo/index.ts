/** Photos of evidence: the photo policy applied losslessly, declared sizes, report copies. */
export { handlePhoto, type PhotoResult } from './handle-photo.ts';
export { imageSizeOf, type ImageHeader } from './image-header.ts';
export { REPORT_COPY_QUALITY, reportCopy } from './report-copy.ts';
