import type { Migration } from './migration.ts';

const MERGE_COLUMNS = `
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0`;

const OWNER = `
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),`;

/** A link row of a finding: (finding, target) with the target's foreign key. */
const findingLink = (name: string, field: string, target: string): string => `
      CREATE TABLE ${name} (${OWNER}
        finding_id TEXT NOT NULL REFERENCES finding (id),
        ${field} TEXT NOT NULL REFERENCES ${target} (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX ${name}_by_engagement ON ${name} (engagement_id);`;

/**
 * Findings, the audit conclusions, the closing meeting and corrective actions (issue 17): earlier
 * nonconformities, findings and their link rows, dismissed warnings, diverging opinions, the auditee's
 * acknowledgements, members' signatures, corrective actions and their transitions, the audit
 * statements; on the engagement, the client's last earlier finding number and the CB's audit number.
 * Older apps read the file (new tables, columns with defaults); min reader stays 0.1.0.
 */
export const migration0017Findings: Migration = {
  version: 17,
  name: 'findings, audit conclusions, the closing meeting and corrective actions',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      ALTER TABLE engagement ADD COLUMN earlier_last_finding_seq INTEGER;
      ALTER TABLE engagement ADD COLUMN cb_audit_number TEXT NOT NULL DEFAULT '';
      CREATE TABLE earlier_nc (${OWNER}
        source_ref TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT 'typed',
        number TEXT NOT NULL DEFAULT '',
        grade TEXT NOT NULL DEFAULT '',
        grade_name TEXT NOT NULL DEFAULT '',
        clause TEXT NOT NULL DEFAULT '',
        statement TEXT NOT NULL DEFAULT '',
        raised_on TEXT,
        audit_label TEXT NOT NULL DEFAULT '',
        status_at_start TEXT NOT NULL DEFAULT 'open',
        client_action TEXT NOT NULL DEFAULT '',
        verification_method TEXT NOT NULL DEFAULT 'on_site',
        verification_note TEXT NOT NULL DEFAULT '',
        verified_on TEXT,
        verifier_id TEXT REFERENCES team_member (id),
        effectiveness TEXT NOT NULL DEFAULT 'not_assessed',
        closed_on TEXT,${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX earlier_nc_by_engagement ON earlier_nc (engagement_id);
      CREATE TABLE finding (${OWNER}
        raised_by TEXT NOT NULL REFERENCES team_member (id),
        provisional_seq INTEGER NOT NULL,
        source_kind TEXT NOT NULL DEFAULT 'none',
        final_number TEXT NOT NULL DEFAULT '',
        final_seq INTEGER,
        grade TEXT NOT NULL,
        grade_rationale TEXT NOT NULL DEFAULT '',
        requirement TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '',
        not_fulfilled TEXT NOT NULL DEFAULT '',
        procedure TEXT NOT NULL DEFAULT '',
        process TEXT NOT NULL DEFAULT '',
        auditee_representative TEXT NOT NULL DEFAULT '',
        raised_on TEXT NOT NULL,
        session_id TEXT REFERENCES plan_session (id),
        repeat_of TEXT REFERENCES earlier_nc (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX finding_by_engagement ON finding (engagement_id);
      CREATE TABLE finding_clause (${OWNER}
        finding_id TEXT NOT NULL REFERENCES finding (id),
        clause TEXT NOT NULL,${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX finding_clause_by_engagement ON finding_clause (engagement_id);
      ${findingLink('finding_site', 'site_id', 'site')}
      ${findingLink('finding_service', 'service_id', 'service')}
      ${findingLink('finding_evidence', 'evidence_id', 'evidence_item')}
      ${findingLink('finding_answer', 'answer_id', 'checklist_answer')}
      ${findingLink('finding_note', 'entry_id', 'notebook_entry')}
      ${findingLink('finding_record', 'record_id', 'record_seen')}
      CREATE TABLE finding_dismissal (${OWNER}
        finding_id TEXT NOT NULL REFERENCES finding (id),
        part TEXT NOT NULL,
        code TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL,${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX finding_dismissal_by_engagement ON finding_dismissal (engagement_id);
      CREATE TABLE diverging_opinion (${OWNER}
        finding_id TEXT NOT NULL REFERENCES finding (id),
        auditee_view TEXT NOT NULL DEFAULT '',
        team_response TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'unresolved',
        resolution TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX diverging_opinion_by_engagement ON diverging_opinion (engagement_id);
      CREATE TABLE nc_acknowledgement (${OWNER}
        finding_id TEXT NOT NULL REFERENCES finding (id),
        status TEXT NOT NULL DEFAULT 'signed',
        signer_name TEXT NOT NULL DEFAULT '',
        signer_role TEXT NOT NULL DEFAULT '',
        signature TEXT NOT NULL DEFAULT '',
        declined_reason TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT REFERENCES team_member (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX nc_acknowledgement_by_engagement ON nc_acknowledgement (engagement_id);
      CREATE TABLE member_signature (${OWNER}
        team_member_id TEXT NOT NULL REFERENCES team_member (id),
        signature TEXT NOT NULL DEFAULT '',
        drawn_at TEXT NOT NULL,${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX member_signature_by_engagement ON member_signature (engagement_id);
      CREATE TABLE corrective_action (${OWNER}
        finding_id TEXT NOT NULL REFERENCES finding (id),
        state TEXT NOT NULL DEFAULT 'raised',
        correction TEXT NOT NULL DEFAULT '',
        root_cause TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        correction_due TEXT,
        action_due TEXT,
        response_on TEXT,
        decision_reason TEXT NOT NULL DEFAULT '',
        implemented_on TEXT,
        verification_method TEXT NOT NULL DEFAULT 'document_review',
        verification_evidence TEXT NOT NULL DEFAULT '',
        verified_on TEXT,
        verifier_id TEXT REFERENCES team_member (id),
        effectiveness TEXT NOT NULL DEFAULT 'not_assessed',
        closed_on TEXT,${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX corrective_action_by_engagement ON corrective_action (engagement_id);
      CREATE TABLE ca_transition (${OWNER}
        finding_id TEXT NOT NULL REFERENCES finding (id),
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        moved_at TEXT NOT NULL,
        moved_by TEXT REFERENCES team_member (id),
        reason TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX ca_transition_by_engagement ON ca_transition (engagement_id);
      CREATE TABLE audit_statement (${OWNER}
        item TEXT NOT NULL,
        verdict TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX audit_statement_by_engagement ON audit_statement (engagement_id);
    `);
  },
};
