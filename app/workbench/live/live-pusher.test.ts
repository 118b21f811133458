import { describe, expect, it } from 'vitest';
import type { RoundParams } from '@/worker/settlement/round';
import { LivePusher, type PostAnswer, type PresenterState } from './live-pusher';

const state = (level2: number, kind: PresenterState['change']['kind'] = 'edit'): PresenterState => ({
  params: { method: 'points', level_coefficients: { 2: level2 } } as RoundParams,
  roundId: 2,
  baselineId: 1,
  compareIds: [],
  dirty: true,
  canUndo: true,
  canRedo: false,
  change: { kind, label: `二级系数 → ${level2}` },
});

/** A server that holds a version and answers each post when the test lets it. */
function fakeServer(answers: ((body: Record<string, unknown>) => PostAnswer)[] = []) {
  const posts: Record<string, unknown>[] = [];
  let version = 1;
  const waiting: (() => void)[] = [];
  const post = (body: Record<string, unknown>) =>
    new Promise<PostAnswer>((resolve) => {
      posts.push(body);
      waiting.push(() => {
        const custom = answers.shift();
        resolve(custom ? custom(body) : { status: 200, body: { version: ++version } });
      });
    });
  const answerNext = async () => {
    while (waiting.length === 0) await new Promise((r) => setTimeout(r, 0));
    waiting.shift()!();
  };
  return { posts, post, answerNext };
}

describe('the presenter posts its state', () => {
  it('first whole, then patches of the version acknowledged, with a rising seq', async () => {
    const server = fakeServer();
    const pusher = new LivePusher(server.post);
    const first = pusher.push(state(0.9));
    await server.answerNext();
    await first;
    const second = pusher.push(state(0.85));
    await server.answerNext();
    await second;
    expect(server.posts[0]).toMatchObject({ type: 'state', params: state(0.9).params });
    expect(server.posts[0]).not.toHaveProperty('patch');
    expect(server.posts[1]).toMatchObject({ base: 2, patch: { 'level_coefficients.2': 0.85 } });
    expect(server.posts[1]).not.toHaveProperty('params');
    expect(server.posts[1]!.seq as number).toBeGreaterThan(server.posts[0]!.seq as number);
  });

  it('sends only the latest of the changes made while a post is on its way', async () => {
    const server = fakeServer();
    const pusher = new LivePusher(server.post);
    const done = pusher.push(state(0.9));
    pusher.push(state(0.8));
    pusher.push(state(0.7, 'undo'));
    await server.answerNext();
    await server.answerNext();
    await done;
    expect(server.posts).toHaveLength(2);
    expect(server.posts[1]).toMatchObject({ patch: { 'level_coefficients.2': 0.7 }, change: { kind: 'undo' } });
  });

  it('sends the parameters whole when the server holds another version', async () => {
    const server = fakeServer([() => ({ status: 200, body: { version: 5 } }), () => ({ status: 409, body: { sendWhole: true, error: { zh: '', en: '' } } })]);
    const pusher = new LivePusher(server.post);
    const a = pusher.push(state(0.9));
    await server.answerNext();
    await a;
    const b = pusher.push(state(0.8));
    await server.answerNext();
    await server.answerNext();
    await b;
    expect(server.posts[1]).toHaveProperty('patch');
    expect(server.posts[2]).toMatchObject({ params: state(0.8).params });
  });

  it('stops for good when it is no longer the presenter, and says why', async () => {
    const refusals: string[] = [];
    const server = fakeServer([() => ({ status: 403, body: { error: { zh: '只有主讲人可以推送调整', en: 'only the presenter may push changes' } } })]);
    const pusher = new LivePusher(server.post, (e) => refusals.push(e.en));
    const a = pusher.push(state(0.9));
    await server.answerNext();
    await a;
    await pusher.push(state(0.8));
    expect(server.posts).toHaveLength(1);
    expect(refusals).toEqual(['only the presenter may push changes']);
  });
});
