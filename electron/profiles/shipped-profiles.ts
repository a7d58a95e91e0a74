import type { CbProfile } from '../../shared/cb-profile/profile.ts';
import { checkProfile } from '../../shared/cb-profile/profile-validate.ts';
import defaultProfile from '../../resources/cb-profiles/default.json' with { type: 'json' };

let checked: readonly CbProfile[] | null = null;

/**
 * The profiles that ship with the app (the default template), bundled into the main bundle and
 * checked like any imported profile, once, when first needed. A shipped profile that fails its own
 * format is a build mistake: it stops the library rather than hiding.
 */
export function shippedProfiles(): readonly CbProfile[] {
  if (!checked) {
    const result = checkProfile(defaultProfile);
    if (!result.ok) throw new Error(`The shipped CB profile does not validate: ${JSON.stringify(result.issues.slice(0, 5))}`);
    checked = [result.profile];
  }
  return checked;
}
