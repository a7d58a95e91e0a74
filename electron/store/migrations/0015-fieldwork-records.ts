import type { Migration } from './migration.ts';

const MERGE_COLUMNS = `
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0`;

/**
 * What fieldwork records besides the answers (issue 15): the client's people met and who was
 * interviewed where, the session notebook, evidence references and where answers cite them, records
 * seen on the auditee's screen (the query, the records, their attributes) and audit trails across
 * processes, conclusions per process with the five-point grid, scope verification, the surveillance
 * items, the plan as it ran (outcomes, attendance, opening-meeting points), stage 1's document review
 * and readiness. Older apps read the file (new tables, columns with defaults); min reader stays 0.1.0.
 */
export const migration0015FieldworkRecords: Migration = {
  version: 15,
  name: 'fieldwork: notebook, evidence references, records seen, trails, conclusions, the plan as it ran, stage 1',
  minReaderVersion: '0.1.0',
  up(db) {
    db.exec(`
      ALTER TABLE engagement ADD COLUMN scope_wording_status TEXT NOT NULL DEFAULT 'not_checked';
      ALTER TABLE engagement ADD COLUMN scope_wording_change TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN stage2_focus TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagement ADD COLUMN sms_operating_since TEXT;
      CREATE TABLE person (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        organization TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX person_by_engagement ON person (engagement_id);
      CREATE TABLE session_person (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        session_id TEXT NOT NULL REFERENCES plan_session (id),
        person_id TEXT NOT NULL REFERENCES person (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX session_person_by_engagement ON session_person (engagement_id);
      CREATE TABLE notebook_entry (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        session_id TEXT REFERENCES plan_session (id),
        team_member_id TEXT NOT NULL REFERENCES team_member (id),
        written_at TEXT NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX notebook_entry_by_engagement ON notebook_entry (engagement_id);
      CREATE TABLE evidence_item (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        kind TEXT NOT NULL DEFAULT 'document',
        title TEXT NOT NULL,
        version TEXT NOT NULL DEFAULT '',
        evidence_date TEXT,
        location TEXT NOT NULL DEFAULT '',
        shown_by TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX evidence_item_by_engagement ON evidence_item (engagement_id);
      CREATE TABLE answer_evidence (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        answer_id TEXT NOT NULL REFERENCES checklist_answer (id),
        evidence_id TEXT NOT NULL REFERENCES evidence_item (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX answer_evidence_by_engagement ON answer_evidence (engagement_id);
      CREATE TABLE answer_person (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        answer_id TEXT NOT NULL REFERENCES checklist_answer (id),
        person_id TEXT NOT NULL REFERENCES person (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX answer_person_by_engagement ON answer_person (engagement_id);
      CREATE TABLE record_query (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        topic TEXT NOT NULL,
        site_id TEXT REFERENCES site (id),
        session_id TEXT REFERENCES plan_session (id),
        team_member_id TEXT NOT NULL REFERENCES team_member (id),
        query TEXT NOT NULL DEFAULT '',
        population_count INTEGER,
        period_from TEXT,
        period_to TEXT,
        selection TEXT NOT NULL DEFAULT '',
        sampling_plan TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX record_query_by_engagement ON record_query (engagement_id);
      CREATE TABLE record_seen (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        topic TEXT NOT NULL,
        record_ref TEXT NOT NULL,
        query_id TEXT REFERENCES record_query (id),
        result TEXT NOT NULL DEFAULT 'not_tested',
        note TEXT NOT NULL DEFAULT '',
        evidence_id TEXT REFERENCES evidence_item (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX record_seen_by_engagement ON record_seen (engagement_id);
      CREATE TABLE record_attribute (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        record_id TEXT NOT NULL REFERENCES record_seen (id),
        attribute TEXT NOT NULL,
        result TEXT NOT NULL DEFAULT 'not_tested',
        note TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX record_attribute_by_engagement ON record_attribute (engagement_id);
      CREATE TABLE audit_trail (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        title TEXT NOT NULL,
        service_id TEXT REFERENCES service (id),
        notes TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX audit_trail_by_engagement ON audit_trail (engagement_id);
      CREATE TABLE audit_trail_step (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        trail_id TEXT NOT NULL REFERENCES audit_trail (id),
        position REAL NOT NULL,
        record_id TEXT NOT NULL REFERENCES record_seen (id),
        link_note TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX audit_trail_step_by_engagement ON audit_trail_step (engagement_id);
      CREATE TABLE conclusion (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        topic TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'not_concluded',
        text TEXT NOT NULL DEFAULT '',
        grid_outputs TEXT NOT NULL DEFAULT 'not_assessed',
        grid_outputs_note TEXT NOT NULL DEFAULT '',
        grid_inputs TEXT NOT NULL DEFAULT 'not_assessed',
        grid_inputs_note TEXT NOT NULL DEFAULT '',
        grid_efficiency TEXT NOT NULL DEFAULT 'not_assessed',
        grid_efficiency_note TEXT NOT NULL DEFAULT '',
        grid_improvement TEXT NOT NULL DEFAULT 'not_assessed',
        grid_improvement_note TEXT NOT NULL DEFAULT '',
        grid_objective_evidence TEXT NOT NULL DEFAULT 'not_assessed',
        grid_objective_evidence_note TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX conclusion_by_engagement ON conclusion (engagement_id);
      CREATE TABLE scope_check (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        service_id TEXT NOT NULL REFERENCES service (id),
        status TEXT NOT NULL DEFAULT 'not_checked',
        note TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX scope_check_by_engagement ON scope_check (engagement_id);
      CREATE TABLE surveillance_check (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        item TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'not_covered',
        entry TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX surveillance_check_by_engagement ON surveillance_check (engagement_id);
      CREATE TABLE session_outcome (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        session_id TEXT NOT NULL REFERENCES plan_session (id),
        status TEXT NOT NULL DEFAULT 'planned',
        actual_day TEXT,
        actual_start TEXT,
        actual_end TEXT,
        mode TEXT NOT NULL DEFAULT 'as_planned',
        reason TEXT NOT NULL DEFAULT '',
        remote_effectiveness TEXT NOT NULL DEFAULT 'not_assessed',
        remote_note TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX session_outcome_by_engagement ON session_outcome (engagement_id);
      CREATE TABLE attendance (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        session_id TEXT NOT NULL REFERENCES plan_session (id),
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        organization TEXT NOT NULL DEFAULT '',
        presence TEXT NOT NULL DEFAULT 'present',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX attendance_by_engagement ON attendance (engagement_id);
      CREATE TABLE meeting_point (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        session_id TEXT NOT NULL REFERENCES plan_session (id),
        point TEXT NOT NULL,
        confirmed INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX meeting_point_by_engagement ON meeting_point (engagement_id);
      CREATE TABLE document_review (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        document TEXT NOT NULL,
        version TEXT NOT NULL DEFAULT '',
        document_date TEXT,
        clause TEXT NOT NULL DEFAULT '',
        adequacy TEXT NOT NULL DEFAULT 'not_reviewed',
        comment TEXT NOT NULL DEFAULT '',
        evidence_id TEXT REFERENCES evidence_item (id),${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX document_review_by_engagement ON document_review (engagement_id);
      CREATE TABLE readiness (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagement (id),
        area TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'not_assessed',
        note TEXT NOT NULL DEFAULT '',${MERGE_COLUMNS}
      ) STRICT;
      CREATE INDEX readiness_by_engagement ON readiness (engagement_id);
    `);
  },
};
