import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import iso20000Part1_2018 from '../../resources/checklists/iso20000-1-2018-amd1-2024.json' with { type: 'json' };
import { checkPack } from './pack-validate.ts';

let checked: readonly ChecklistPack[] | null = null;

/**
 * The packs that ship with the app, bundled into the main bundle (no resource paths to resolve in a
 * packaged app) and checked against the format like any imported pack, once, when first needed.
 */
export function shippedPacks(): readonly ChecklistPack[] {
  checked ??= [checkPack(iso20000Part1_2018)];
  return checked;
}
