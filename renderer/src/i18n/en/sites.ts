/** English: The sites editor. */
export const EN_SITES = {
  sites: {
    title: 'Sites',
    intro: 'Every site of the organization: those in the scope of certification are sampled and visited; record the others too, so the report can say why they are out. Changes save themselves.',
    empty: 'No sites yet. Add the central function first (where the SMS is managed), then every other site.',
    name: 'Site',
    kind: 'Type',
    headcount: 'Headcount',
    headcountNegative: 'A headcount is a number of people: 0 or more',
    inScope: 'In scope',
    address: 'Address',
    country: 'Country',
    activities: 'Activities at this site',
    newName: 'New site',
    newNamePlaceholder: 'Name of the site',
    add: 'Add site',
    delete: 'Delete site “{{name}}”',
    deleted: 'Site “{{name}}” deleted.',
  },
  siteKind: { central: 'Central function', permanent: 'Permanent site', temporary: 'Temporary site', virtual: 'Virtual site' },
} as const;
