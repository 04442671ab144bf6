import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerOf, CURSOR_END, firstOpen, MANUAL_DONE, moveCursor, moveToStep, newSession, parseSession, recordDecision, recordLesson, recordManualField,
  recordMeasure, recordRelationship, WORKSHEET_STEPS, completeManualCustomers,
} from '../../src/domain/worksheet/session.js';

const fresh = () => newSession({ lang: 'de', asOf: '2026-11-23', file: 'export.csv' });

describe('worksheet session', () => {
  it('never moves back to an earlier step, whatever order steps are requested in', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...WORKSHEET_STEPS), { maxLength: 12 }), (steps) => {
      let s = fresh();
      let reached = 0;
      for (const step of steps) {
        s = moveToStep(s, step);
        const at = WORKSHEET_STEPS.indexOf(s.step);
        expect(at).toBeGreaterThanOrEqual(reached);
        reached = Math.max(reached, WORKSHEET_STEPS.indexOf(step));
        expect(at).toBe(reached);
      }
    }));
  });

  it('survives a JSON round trip after any sequence of answers', () => {
    // ids are free text from exports: include names that are also Object.prototype members
    const id = fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty'));
    const answer = fc.oneof(
      fc.record({ kind: fc.constant('decision' as const), id, why: fc.string() }),
      fc.record({ kind: fc.constant('relationship' as const), id, text: fc.string() }),
      fc.record({ kind: fc.constant('measure' as const), id, text: fc.string() }),
      fc.record({ kind: fc.constant('lesson' as const), id, text: fc.string() }),
    );
    fc.assert(fc.property(fc.array(answer, { maxLength: 20 }), (answers) => {
      let s = fresh();
      for (const a of answers) {
        if (a.kind === 'decision') s = recordDecision(s, a.id, { decision: 'let_go', why: a.why, overridden: true, done: true });
        else if (a.kind === 'relationship') s = recordRelationship(s, a.id, { bought: a.text });
        else if (a.kind === 'measure') s = recordMeasure(s, a.id, { responsible: a.text });
        else s = recordLesson(s, a.id, a.text);
      }
      const back = parseSession(JSON.parse(JSON.stringify(s)));
      expect(back.errors).toEqual([]);
      expect(back.session).toEqual(s);
      expect(Object.keys(back.session?.decisions ?? {})).toEqual(Object.keys(s.decisions));
      for (const a of answers) if (a.kind === 'relationship') expect(answerOf(back.session!, 'relationships', a.id)?.bought).toBeTypeOf('string');
    }));
  });

  it('merges field answers instead of replacing earlier ones', () => {
    let s = recordRelationship(fresh(), 'C-1', { reason_code: 'price' });
    s = recordRelationship(s, 'C-1', { bought: 'paper' });
    expect(s.relationships['C-1']).toEqual({ done: false, reason_code: 'price', bought: 'paper' });
    expect(firstOpen(['C-0', 'C-1'], { 'C-0': { done: true }, 'C-1': { done: false } })).toBe(1);
    expect(firstOpen(['C-0'], { 'C-0': { done: true } })).toBe(1);
  });

  it('builds manual customers field by field and counts only complete ones', () => {
    let s = recordManualField(fresh(), 'customer_id', 'K-1');
    s = recordManualField(s, 'name', 'Lang');
    expect(completeManualCustomers(s)).toEqual([]);
    s = recordManualField(s, MANUAL_DONE, 'yes');
    s = recordManualField(s, 'customer_id', 'K-2');
    expect(s.manual).toHaveLength(2);
    expect(completeManualCustomers(s)).toEqual([{ customer_id: 'K-1', name: 'Lang', [MANUAL_DONE]: 'yes' }]);
  });

  it('reports every problem of a damaged session with its path', () => {
    const bad = { ...fresh(), step: 'later', decisions: { 'C-1': { decision: 'maybe', why: 1 } } };
    const { session, errors } = parseSession(bad);
    expect(session).toBeUndefined();
    expect(errors.some((e) => e.startsWith('step:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('decisions.C-1.decision:'))).toBe(true);
    expect(moveCursor(fresh(), 'selection', CURSOR_END).cursor).toEqual({ selection: CURSOR_END });
  });
});
