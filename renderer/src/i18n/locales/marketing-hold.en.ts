import type { marketingHoldPtBR } from './marketing-hold.pt-BR';

/** English texts of `marketing-hold.pt-BR.ts` (same keys). */
export const marketingHoldEn: typeof marketingHoldPtBR = {
  marketingHold: {
    title: 'Notice “{{event}}” on hold: its template became Marketing',
    why: 'Meta changed this template’s category from {{previous}} to {{category}}. Recado stopped sending this notice so you do not pay the Marketing price without knowing: in Brazil a Marketing message costs about 9 times a Utility one, and Meta caps how many a customer receives. The other notices keep going out as usual.',
    template: 'Template',
    waiting_one: '{{count, number}} notification waits in the queue; none was lost.',
    waiting_other: '{{count, number}} notifications wait in the queue; none was lost.',
    waysOut: 'To send again, choose a way out:',
    fix: 'Pick another template or re-submit this one as Utility',
    fixHelp: 'In Message templates, map a Utility template to this notice, or edit the template’s text at Meta (no promotions) and submit it again as Utility; then click Sync templates.',
    accept: 'Accept Marketing for this notice',
    acceptConfirmTitle: 'Send “{{event}}” as Marketing?',
    acceptConfirm: 'Each message of this notice will cost about 9 times the Utility price in Brazil, and Meta may not deliver it to customers who declined Marketing messages. The queued notifications go out right after.',
    acceptConfirmButton: 'Accept and send',
    accepted: 'Marketing accepted for “{{event}}”: the queued notifications will go out.',
    acceptedNote: 'This notice’s template is Marketing (before: {{previous}}). You accepted sending it as Marketing on {{when}}.',
    undo: 'Undo acceptance',
    undone: 'Acceptance undone: the notice “{{event}}” is held again.',
    notMarketing: 'This notice’s template is not Marketing: there is nothing to accept.',
    previous: 'before: {{category}}',
    unknownCategory: 'another category',
  },
};
