import type { CommunicationSentData, DeadlineMissedData, ReplyReceivedData } from '@reprisals/contracts';
import { byReception, withId, type ReportCaseChange } from './report-case';

/** A communication about the case was sent to the State (counted once, however often reported). */
export const communicationSent =
  (data: CommunicationSentData): ReportCaseChange =>
  (current) => ({
    ...current,
    sentCommunicationIds: withId(current.sentCommunicationIds, data.communicationId),
  });

/** The State missed the reply deadline of a communication (counted once per communication). */
export const deadlineMissed =
  (data: DeadlineMissedData): ReportCaseChange =>
  (current) => ({
    ...current,
    missedDeadlineCommunicationIds: withId(current.missedDeadlineCommunicationIds, data.communicationId),
  });

/** The State replied: the case keeps every reply once, by the day received. */
export const replyReceived =
  (data: ReplyReceivedData): ReportCaseChange =>
  (current) =>
    current.stateReplies.some((reply) => reply.replyId === data.replyId)
      ? current
      : {
          ...current,
          stateReplies: [
            ...current.stateReplies,
            { replyId: data.replyId, type: data.replyType, receivedOn: data.receivedOn },
          ].sort(byReception),
        };
