/**
 * English: what the check of a certification body's Word template found (codes from
 * shared/templates/template-issues.ts, each with its params). Braces are written as words here
 * ("#sessions") because "{" starts an interpolation.
 */
export const EN_TEMPLATES = {
  templates: {
    where: 'Paragraph {{paragraph}} of {{part}}: “{{excerpt}}”',
    found: {
      empty: 'an empty file',
      pdf: 'a PDF',
      doc: 'a Word 97–2003 document (.doc)',
      rtf: 'an RTF document',
      odt: 'an OpenDocument text (.odt)',
      xlsx: 'a spreadsheet',
      pptx: 'a presentation',
      dotx: 'a Word template (.dotx)',
      xml: 'an XML file or a web page',
      zip: 'a zip archive',
      unknown: 'a file of an unknown kind',
    },
    issues: {
      NOT_DOCX: 'The file is not a Word document (.docx) but $t(templates.found.{{found}}). Open it in Word and save it as “Word Document (*.docx)”.',
      TEMPLATE_TOO_LARGE: 'The template is too large: a template may be at most 10 MB.',
      ENCRYPTED: 'The document is protected with a password. Remove the password in Word and save it again.',
      MACRO_ENABLED: 'The document contains macros ({{part}}). Save it in Word as “Word Document (*.docx)”, which leaves them out.',
      ACTIVE_CONTENT: 'The document contains controls or imported content ({{part}}) that Audit Workbench does not fill. Remove them in Word.',
      EXTERNAL_CONTENT: 'The document loads content from elsewhere when it is opened ({{kind}} {{target}}). Audit Workbench works offline and never fetches it: insert the picture into the document, or remove the link, in Word.',
      CORRUPT: 'The document is damaged and cannot be read ({{reason}}). Open it in Word, save it again and import it again.',
      TOO_MANY_PARTS: 'The file holds {{count}} parts, more than the {{max}} a Word document could have.',
      CONTENT_TOO_LARGE: 'Unpacked, the file would take more than 40 MB: it is not an ordinary Word document (it may be built to exhaust memory).',
      PART_TOO_LARGE: 'A part of the document ({{part}}) is too large to fill: more than 8 MB of text.',
      KIND_NOT_SUPPORTED: 'This version of Audit Workbench fills only audit plan and nonconformity report templates.',
      UNCLOSED_TAG: 'A placeholder is not closed: “{{text}}” has no closing brace in its paragraph.',
      STRAY_CLOSING_BRACE: 'A closing brace has no opening brace before it in its paragraph.',
      UNCLOSED_SECTION: 'The section “#{{name}}” is never closed: add “/{{name}}” in braces where it ends.',
      UNOPENED_SECTION_END: '“/{{name}}” closes a section that was never opened.',
      MISMATCHED_SECTION_END: '“/{{close}}” closes the section “#{{open}}”: sections close in the reverse order they open.',
      FILL_FAILED: 'The template could not be filled ({{error}}). Check the placeholders of its repeating sections and conditions.',
      UNKNOWN_PLACEHOLDER: '“{{name}}” is not a placeholder Audit Workbench knows ({{count}} times): it will be left empty.',
      OUTSIDE_SECTION: '“{{name}}” belongs inside the section “#{{section}}”: here it will be left empty.',
      SECTION_AS_TEXT: '“{{name}}” is a repeating section: put the content to repeat between “#{{name}}” and “/{{name}}”, each in braces.',
    },
  },
} as const;
