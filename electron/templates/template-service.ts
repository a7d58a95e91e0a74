import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TemplateKind } from '../../shared/cb-profile/profile.ts';
import type { NcFormsInput } from '../../shared/documents/nc-form-input.ts';
import type { PlanDocumentInput } from '../../shared/documents/plan-input.ts';
import type { ReportInput } from '../../shared/documents/report-input.ts';
import { isFillable, type TemplateCheck, type TemplateIssue } from '../../shared/templates/template-issues.ts';
import type { TemplateFill } from './template-check.ts';
import type { TemplateWorkerMessage, TemplateWorkerReply, TemplateWorkerRequest } from './template-work.ts';

export interface TemplateServiceOptions {
  /** Folder of the built worker bundles (template-worker.cjs beside engagement-worker.cjs). */
  readonly workerDir: string;
  /** A check or fill still running after this is stopped: 60 s, twenty times a large template's fill. */
  readonly timeoutMs?: number;
  /** Heap of the worker: a template past the file limits' reach cannot take the app's memory with it. */
  readonly maxHeapMb?: number;
}

/**
 * The main thread's way to check and fill CB templates: each request runs in its own worker thread
 * (template-worker.ts), so the main thread only copies bytes. Never throws for anything a template
 * holds: a worker that fails, runs out of memory or out of time answers FILL_FAILED
 * ('WorkerStopped', 'Timeout').
 */
export class TemplateService {
  private readonly bundle: string;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;

  constructor(options: TemplateServiceOptions) {
    this.bundle = path.join(options.workerDir, 'template-worker.cjs');
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxHeapMb = options.maxHeapMb ?? 1024;
  }

  /** Whether a template can fill documents of `kind`, and every problem found (TemplateCheck). */
  async checkTemplate(bytes: Uint8Array, kind: TemplateKind): Promise<TemplateCheck> {
    const reply = await this.run({ op: 'check', bytes, kind });
    return reply.ok ? (reply.reply as Extract<TemplateWorkerReply, { op: 'check' }>).check : failed(reply.error);
  }

  /** The audit plan filled into a template written in `language` (the profile's entry for the template says it). */
  async fillPlanTemplate(bytes: Uint8Array, input: PlanDocumentInput, language: string): Promise<TemplateFill> {
    const reply = await this.run({ op: 'fill-plan', bytes, input, language });
    return reply.ok ? (reply.reply as Extract<TemplateWorkerReply, { op: 'fill-plan' }>).fill : { ok: false, check: failed(reply.error) };
  }

  /** The NC forms filled into a CB's NC-form template written in `language`. */
  async fillNcFormTemplate(bytes: Uint8Array, input: NcFormsInput, language: string): Promise<TemplateFill> {
    const reply = await this.run({ op: 'fill-nc-form', bytes, input, language });
    return reply.ok ? (reply.reply as Extract<TemplateWorkerReply, { op: 'fill-nc-form' }>).fill : { ok: false, check: failed(reply.error) };
  }

  /** The audit report filled into a CB's report template written in `language` (the input built in that language). */
  async fillReportTemplate(bytes: Uint8Array, input: ReportInput, language: string): Promise<TemplateFill> {
    const reply = await this.run({ op: 'fill-report', bytes, input, language });
    return reply.ok ? (reply.reply as Extract<TemplateWorkerReply, { op: 'fill-report' }>).fill : { ok: false, check: failed(reply.error) };
  }

  private run(request: TemplateWorkerRequest): Promise<TemplateWorkerMessage> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (message: TemplateWorkerMessage): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(message);
      };
      let worker: Worker;
      try {
        worker = new Worker(this.bundle, { workerData: request, resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
      } catch {
        resolve({ ok: false, error: 'WorkerStopped' });
        return;
      }
      const timer = setTimeout(() => settle({ ok: false, error: 'Timeout' }), this.timeoutMs);
      worker.once('message', (message: TemplateWorkerMessage) => settle(message));
      worker.once('error', () => settle({ ok: false, error: 'WorkerStopped' }));
      worker.once('exit', () => settle({ ok: false, error: 'WorkerStopped' }));
    });
  }
}

function failed(error: string): TemplateCheck {
  const issues: TemplateIssue[] = [{ code: 'FILL_FAILED', params: { error: /^[A-Za-z]{1,60}$/.test(error) ? error : 'Error' } }];
  return { fillable: isFillable(issues), issues, used: [], unused: [] };
}
