import type { CaseStory, StoryStep } from './case-stories';
import { DemoStepFailed, type DemoClient } from './demo-client';
import { staff } from './demo-cast-of-staff';

/** What the demonstration counts as it goes, for its progress lines and summary. */
export interface WalkTally {
  cases: number;
  outOfScope: number;
  concluded: number;
  lateConclusions: number;
  flagged: number;
  actions: number;
  /** Cases brought to the President of the Human Rights Council (good offices decided). */
  goodOffices: number;
  letters: number;
  replies: number;
  missedDeadlines: number;
  withdrawals: number;
}

export const emptyTally = (): WalkTally => ({
  cases: 0,
  outOfScope: 0,
  concluded: 0,
  lateConclusions: 0,
  flagged: 0,
  actions: 0,
  goodOffices: 0,
  letters: 0,
  replies: 0,
  missedDeadlines: 0,
  withdrawals: 0,
});

interface CaseView {
  corroborations: Array<{ id: string }>;
  approvals: Array<{ id: string; status: string }>;
}

/**
 * One case of the demonstration walked through the four services by their public routes, step
 * by step as its story says, on the day the demo clock shows.
 */
export class CaseWalk {
  caseId: string | undefined;
  /** The communication that carries out each planned letter, once sent. */
  readonly communications = new Map<number, string>();
  /** The days (by the demo clock) the President's good offices were decided: what a briefing holds. */
  readonly goodOfficesOn: string[] = [];
  private withdrawn = false;

  constructor(
    readonly story: CaseStory,
    private readonly client: DemoClient,
    private readonly tally: WalkTally,
  ) {}

  /** The victim withdrew consent: every action towards the State is cancelled, and no letter is written. */
  get consentWithdrawn(): boolean {
    return this.withdrawn;
  }

  get id(): string {
    if (!this.caseId) throw new DemoStepFailed(`case ${this.story.index} was not received`);
    return this.caseId;
  }

  async take(step: StoryStep, today: string): Promise<void> {
    switch (step.kind) {
      case 'receive':
        return this.receive();
      case 'flag-protection-risk':
        this.tally.flagged += 1;
        await this.client.call(
          staff.intakeOfficer(this.story.lead),
          'POST',
          `/intake/allegations/${this.id}/protection-risk`,
          {
            level: 'high',
            reason: 'threat-of-further-reprisal',
            note: 'Demonstration: the person fears further reprisals.',
          },
        );
        return;
      case 'lift-protection-risk':
        await this.client.call(
          staff.supervisor(this.story.lead),
          'POST',
          `/intake/allegations/${this.id}/protection-risk/lift`,
          { note: 'Demonstration: the risk was assessed again and has passed.' },
        );
        return;
      case 'screen':
        return this.screen();
      case 'conclude':
        return this.conclude(step.on);
      case 'decide-internal':
        await this.step({ action: 'propose-action', actionType: step.tool, priority: 'routine' });
        this.tally.actions += 1;
        return;
      case 'write-to-state':
        return this.writeToState(step.letter, today);
      case 'state-answers':
        return this.stateAnswers(step.letter, today);
      case 'withdraw-consent':
        this.withdrawn = true;
        this.tally.withdrawals += 1;
        await this.client.call(
          staff.intakeOfficer(this.story.lead),
          'POST',
          `/intake/allegations/${this.id}/consent/withdrawal`,
          { withdrawnBy: 'victim', withdrawnOn: step.on, form: 'oral' },
        );
        return;
    }
  }

  private async receive(): Promise<void> {
    const receipt = await this.client.call<{ id: string }>(
      staff.intakeOfficer(this.story.lead),
      'POST',
      '/intake/allegations',
      this.story.allegation,
      201,
    );
    this.caseId = receipt.id;
    this.tally.cases += 1;
    await this.client.until(
      'verification to open the case',
      async () =>
        (await this.client.send(staff.officer(this.story.lead), 'GET', `/verification/cases/${this.id}`))
          .status === 200,
    );
  }

  private async screen(): Promise<void> {
    const { screening } = this.story;
    await this.step({ action: 'begin-screening' });
    if (!screening.inScope) {
      this.tally.outOfScope += 1;
      await this.step({
        action: 'screen',
        inScope: false,
        outOfScopeReason: screening.reason,
        referral: screening.referral,
      });
      return;
    }
    await this.step({
      action: 'screen',
      inScope: true,
      cooperationCategory: screening.category,
      perpetratorType: screening.perpetrator,
    });
    await this.step({ action: 'assess-risk', risk: screening.risk, urgency: screening.urgency });
  }

  private async conclude(on: string): Promise<void> {
    const conclusion = this.story.conclusion!;
    const corroborated = await this.step({
      action: 'record-corroboration',
      kind: conclusion.outcome === 'falsely-attributed' ? 'official-record' : 'witness-testimony',
      reliability: conclusion.outcome === 'rejected' ? 'not-usually-reliable' : 'usually-reliable',
      credibility: conclusion.outcome === 'verified' ? 'confirmed' : 'possibly-true',
    });
    const proposed = await this.step({
      action: 'conclude-verification',
      outcome: conclusion.outcome,
      concludedOn: on,
      corroborationIds: [corroborated.corroborations.at(-1)!.id],
    });
    await this.approve(proposed);
    this.tally.concluded += 1;
    if (conclusion.late) this.tally.lateConclusions += 1;
  }

  private async writeToState(index: number, today: string): Promise<void> {
    if (this.withdrawn) return;
    const letter = this.story.letters[index]!;
    const liaison = staff.liaison(this.story.lead);
    if (letter.escalates !== undefined) await this.deadlineMissed(letter.escalates);
    const proposed = await this.step({
      action: 'propose-action',
      actionType: letter.tool,
      priority: letter.tool === 'urgent-appeal' ? 'urgent' : 'high',
    });
    await this.approve(proposed);
    this.tally.actions += 1;
    if (letter.tool === 'hrc-president-good-offices') {
      this.goodOfficesOn.push(today);
      this.tally.goodOffices += 1;
    }
    const sent = new Set(this.communications.values());
    const draft = await this.client.until('state-communication to draft the letter', async () => {
      const list = await this.client.call<{ communications: Array<{ id: string; status: string }> }>(
        liaison,
        'GET',
        `/state-communication/communications?caseId=${this.id}`,
      );
      return list.communications.find(
        (communication) => communication.status === 'draft' && !sent.has(communication.id),
      )?.id;
    });
    await this.client.call(
      staff.letterSupervisor(this.story.lead),
      'POST',
      `/state-communication/communications/${draft}/approve`,
      {},
    );
    await this.client.call(liaison, 'POST', `/state-communication/communications/${draft}/dispatch`, {}, 202);
    await this.client.until('the letter to leave for the Permanent Mission', async () => {
      const communication = await this.client.call<{ status: string }>(
        liaison,
        'GET',
        `/state-communication/communications/${draft}`,
      );
      return communication.status === 'sent';
    });
    this.communications.set(index, draft);
    this.tally.letters += 1;
  }

  private async stateAnswers(index: number, today: string): Promise<void> {
    const communication = this.communications.get(index);
    const answer = this.story.letters[index]!.answer;
    if (!communication || answer.kind !== 'reply' || this.withdrawn) return;
    if (answer.by === 'mission')
      await this.client.call(
        staff.mission(this.story.state),
        'POST',
        `/state-communication/mission/communications/${communication}/replies`,
        { type: answer.type, language: 'en' },
      );
    else
      await this.client.call(
        staff.liaison(this.story.lead),
        'POST',
        `/state-communication/communications/${communication}/replies`,
        { type: answer.type, receivedOn: today, language: 'fr', assessment: 'partially-responsive' },
      );
    this.tally.replies += 1;
  }

  /** Waits until state-communication has seen the State's silence past the letter's deadline. */
  async deadlineMissed(index: number): Promise<void> {
    const communication = this.communications.get(index);
    if (!communication) return;
    await this.client.until('the missed deadline of a letter left unanswered', async () => {
      const read = await this.client.call<{ deadlineMissed: boolean }>(
        staff.liaison(this.story.lead),
        'GET',
        `/state-communication/communications/${communication}`,
      );
      return read.deadlineMissed === true;
    });
  }

  /** The letters whose deadline passed in silence by `today`: they must show as missed. */
  silentLettersDueBy(today: string): number[] {
    return this.story.letters.flatMap((letter, index) =>
      letter.answer.kind === 'silence' && letter.answer.missedOn < today && this.communications.has(index)
        ? [index]
        : [],
    );
  }

  private async step(body: Record<string, unknown>): Promise<CaseView> {
    return this.client.call<CaseView>(
      staff.officer(this.story.lead),
      'POST',
      `/verification/cases/${this.id}/transitions`,
      body,
      200,
    );
  }

  private async approve(view: CaseView): Promise<void> {
    const pending = view.approvals.find((approval) => approval.status === 'pending');
    if (!pending) throw new DemoStepFailed(`case ${this.story.index}: no approval was asked for`);
    await this.client.call(
      staff.supervisor(this.story.lead),
      'POST',
      `/verification/approvals/${pending.id}/approve`,
      {},
      200,
    );
  }
}
