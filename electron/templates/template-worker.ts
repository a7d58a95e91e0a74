import { parentPort, workerData } from 'node:worker_threads';
import { checkTemplate, fillNcFormTemplate, fillPlanTemplate, fillReportTemplate } from './template-check.ts';
import type { TemplateWorkerReply, TemplateWorkerRequest } from './template-work.ts';

/**
 * One check or one fill, in a thread of its own (electron/templates/template-service.ts starts it):
 * unzipping, parsing and filling a template takes 100–400 ms of CPU on an ordinary template, which the
 * main thread must not spend, and a thread per request frees its memory and is stopped outright if it
 * runs too long.
 */
const request = workerData as TemplateWorkerRequest;

async function run(): Promise<TemplateWorkerReply> {
  if (request.op === 'check') return { op: 'check', check: await checkTemplate(request.bytes, request.kind) };
  if (request.op === 'fill-nc-form') return { op: 'fill-nc-form', fill: await fillNcFormTemplate(request.bytes, request.input, request.language) };
  if (request.op === 'fill-report') return { op: 'fill-report', fill: await fillReportTemplate(request.bytes, request.input, request.language) };
  return { op: 'fill-plan', fill: await fillPlanTemplate(request.bytes, request.input, request.language) };
}

run().then(
  (reply) => parentPort?.postMessage({ ok: true, reply }),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.name : 'Error' }),
);
