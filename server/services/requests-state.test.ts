import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, type RequestStatus } from '@/db/schema';
import { allowedActions, decide, mayCreate, mayView, type RequestAction, type RequestActor } from './requests-state';

const author: RequestActor = { role: 'hospital', userId: 7, hospitalCode: 'H001' };
const colleague: RequestActor = { role: 'hospital', userId: 8, hospitalCode: 'H001' };
const otherHospital: RequestActor = { role: 'hospital', userId: 9, hospitalCode: 'H002' };
const panel: RequestActor = { role: 'panel', userId: 2 };
const policy: RequestActor = { role: 'policy', userId: 3 };
const admin: RequestActor = { role: 'admin', userId: 1 };

const request = (status: RequestStatus) => ({ status, hospitalCode: 'H001', authorId: 7 });

describe('request states: who may move which state', () => {
  it('lets the author edit, submit and withdraw a draft; nobody accepts or rejects a draft', () => {
    expect(allowedActions(author, request('draft'))).toEqual(['edit', 'submit', 'withdraw']);
    expect(allowedActions(panel, request('draft'))).toEqual([]);
  });

  it('lets the author withdraw a submitted request, and the panel, policy staff and admin accept or reject it', () => {
    expect(allowedActions(author, request('submitted'))).toEqual(['withdraw']);
    for (const bureau of [panel, policy, admin]) expect(allowedActions(bureau, request('submitted'))).toEqual(['accept', 'reject']);
    expect(decide(panel, request('submitted'), 'accept')).toEqual({ ok: true, to: 'accepted' });
    expect(decide(policy, request('submitted'), 'reject')).toEqual({ ok: true, to: 'rejected' });
    expect(decide(author, request('submitted'), 'withdraw')).toEqual({ ok: true, to: 'withdrawn' });
    expect(decide(author, request('draft'), 'submit')).toEqual({ ok: true, to: 'submitted' });
  });

  it('ends at accepted, rejected and withdrawn: no action moves them', () => {
    for (const status of ['accepted', 'rejected', 'withdrawn'] as const) {
      for (const actor of [author, panel, admin]) expect(allowedActions(actor, request(status)), `${status} ${actor.role}`).toEqual([]);
    }
  });

  it("keeps a colleague of the same hospital to reading: only the author moves a hospital's own request", () => {
    expect(mayView(colleague, request('draft'))).toBe(true);
    expect(allowedActions(colleague, request('draft'))).toEqual([]);
    const refused = decide(colleague, request('draft'), 'submit');
    expect(refused).toMatchObject({ ok: false, refusal: { kind: 'FORBIDDEN' } });
  });

  it("answers another hospital's user as if the request did not exist, whatever the action", () => {
    expect(mayView(otherHospital, request('submitted'))).toBe(false);
    for (const action of ['edit', 'submit', 'withdraw', 'accept', 'reject'] as RequestAction[]) {
      expect(decide(otherHospital, request('submitted'), action)).toMatchObject({ ok: false, refusal: { kind: 'NOT_FOUND' } });
    }
    // a hospital account without a hospital sees nothing
    expect(mayView({ role: 'hospital', userId: 7, hospitalCode: null }, request('draft'))).toBe(false);
  });

  it('keeps the bureau from writing or submitting a hospital request, and hospitals from deciding their own', () => {
    expect(decide(panel, request('draft'), 'edit')).toMatchObject({ ok: false, refusal: { kind: 'FORBIDDEN' } });
    expect(decide(author, request('submitted'), 'accept')).toMatchObject({ ok: false, refusal: { kind: 'FORBIDDEN' } });
    expect(mayCreate(panel)).toMatchObject({ kind: 'FORBIDDEN' });
    expect(mayCreate({ role: 'hospital', userId: 4, hospitalCode: null })).toMatchObject({ kind: 'FORBIDDEN' });
    expect(mayCreate(author)).toBeNull();
  });

  it('says in both languages why a state refuses an action', () => {
    const refused = decide(author, request('submitted'), 'edit');
    expect(refused).toEqual({ ok: false, refusal: { kind: 'INVALID', zh: '已提交的诉求不能修改', en: 'a submitted request cannot be edited' } });
  });

  it('covers every state: each has a next state or none, and the bureau never sees a different set of states', () => {
    const moves = REQUEST_STATUSES.map((s) => [s, [...allowedActions(author, request(s)), ...allowedActions(panel, request(s))]]);
    expect(Object.fromEntries(moves)).toEqual({
      draft: ['edit', 'submit', 'withdraw'],
      submitted: ['withdraw', 'accept', 'reject'],
      accepted: [],
      rejected: [],
      withdrawn: [],
    });
  });
});
