import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseOfConferenceDraft, conferenceDraftId, fromDraft, toDraft } from '../../renderer/src/components/conferences/conference-draft';
import type { ConferenceFormValues } from '../../renderer/src/components/conferences/conference-values';
import { draftDataSchema, formIdSchema } from '../../electron/core/contract/schemas/common-schemas';

/** The conference dialog's draft: what a lock stores comes back as it was, and stored data of any shape is safe. */

const text = fc.string({ maxLength: 40 });
const values: fc.Arbitrary<ConferenceFormValues> = fc.record({
  heldOn: text,
  heldAt: text,
  clientPresent: fc.boolean(),
  interpreter: fc.boolean(),
  interpreterLanguage: text,
  interpreterName: text,
  consentId: text,
  participants: fc.array(fc.record({ key: text, kind: fc.constantFrom('partner' as const, 'staff' as const), refId: text, name: text, contactId: text, role: text }), { maxLength: 5 }),
  situations: fc.dictionary(fc.constantFrom('work', 'health', 'residence'), text),
  results: fc.string({ maxLength: 200 }),
  actions: fc.array(fc.record({ key: text, who: text, what: text, due: text, goalId: text }), { maxLength: 5 }),
  nextOn: text,
});
const EMPTY: ConferenceFormValues = {
  heldOn: '',
  heldAt: '',
  clientPresent: true,
  interpreter: false,
  interpreterLanguage: '',
  interpreterName: '',
  consentId: '',
  participants: [],
  situations: {},
  results: '',
  actions: [],
  nextOn: '',
};

describe('conference dialog drafts', () => {
  it('restores exactly what was stored, and stores only what the draft API accepts', () => {
    fc.assert(
      fc.property(values, (v) => {
        const stored = toDraft(v);
        expect(draftDataSchema.safeParse(stored).success).toBe(true);
        expect(fromDraft(stored, EMPTY)).toEqual(v);
      }),
    );
  });

  it('takes from stored data of any shape only fields of the expected type, and never throws', () => {
    const scalar = fc.oneof(fc.string({ maxLength: 30 }), fc.boolean(), fc.integer(), fc.constant(null), fc.json({ maxDepth: 2 }));
    const keys = fc.constantFrom('heldOn', 'clientPresent', 'interpreter', 'results', 'participants', 'actions', 'situations', 'other');
    fc.assert(
      fc.property(fc.dictionary(keys, scalar), (data) => {
        const restored = fromDraft(data, EMPTY) ?? EMPTY;
        expect(typeof restored.heldOn).toBe('string');
        expect(typeof restored.clientPresent).toBe('boolean');
        expect(Array.isArray(restored.participants) && restored.participants.every((p) => typeof p.refId === 'string' && ['partner', 'staff'].includes(p.kind))).toBe(true);
        expect(Array.isArray(restored.actions) && restored.actions.every((a) => typeof a.what === 'string')).toBe(true);
        expect(Object.values(restored.situations).every((t) => typeof t === 'string')).toBe(true);
      }),
    );
  });

  it('names the case in the form id, within the form id rules', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.option(fc.uuid(), { nil: null }), (caseId, conferenceId) => {
        const formId = conferenceDraftId(caseId, conferenceId);
        expect(formIdSchema.safeParse(formId).success).toBe(true);
        expect(caseOfConferenceDraft(formId)).toBe(caseId);
      }),
    );
  });
});
