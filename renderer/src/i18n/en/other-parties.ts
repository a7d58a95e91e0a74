/** English: other parties (ISO/IEC 20000-1 8.2.3 / 8.3.4), in the Scope section. */
export const EN_OTHER_PARTIES = {
  otherParties: {
    title: 'Other parties',
    intro:
      'Who operates part of the services for the organization (8.2.3): external suppliers, internal suppliers and customers acting as suppliers — what each operates (a service, a service component or a process) and how the organization keeps accountability and control.',
    empty: 'No other parties yet. Add each supplier, internal supplier or customer that operates a service, a service component or a process for the organization.',
    name: 'Other party',
    kind: 'Type',
    operatesElement: 'Operates',
    operates: 'What it operates',
    operatesPlaceholder: 'e.g. data-centre hosting, the first-line service desk',
    service: 'Service concerned',
    serviceNone: 'None in particular',
    serviceNoneYet: 'No services in scope yet',
    serviceGone: 'A deleted service',
    control: 'How control is kept',
    controlPlaceholder: 'Contract, operational level agreement, performance reports, regular reviews…',
    newName: 'New other party',
    newNamePlaceholder: 'Name of the supplier or customer',
    add: 'Add other party',
    delete: 'Delete other party “{{name}}”',
    deleted: 'Other party “{{name}}” deleted.',
    allOperatedTitle: 'Other parties operate every service in scope',
    allOperated:
      'ISO/IEC 20000-1 (8.2.3) does not allow other parties to operate all the services in scope: the organization cannot then show conformity to the standard. Check the scope with the client.',
  },
  otherPartyKind: { external_supplier: 'External supplier', internal_supplier: 'Internal supplier', customer_as_supplier: 'Customer acting as a supplier' },
  operatedElement: { service: 'Service', component: 'Service component', process: 'Process' },
} as const;
