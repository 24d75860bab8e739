import { MailStore } from './mail-store';

const mail = (subject: string) => ({ from: 'a@portal.example', to: ['b@partner.example'], subject, text: '', raw: '' });

describe('MailStore', () => {
  it('lists messages oldest first, numbered in order of arrival', () => {
    const store = new MailStore(10);
    store.add(mail('first'));
    store.add(mail('second'));
    expect(store.list().map(({ id, subject }) => ({ id, subject }))).toEqual([
      { id: 1, subject: 'first' },
      { id: 2, subject: 'second' },
    ]);
  });

  it('drops the oldest messages beyond its limit', () => {
    const store = new MailStore(2);
    ['one', 'two', 'three'].forEach((subject) => store.add(mail(subject)));
    expect(store.list().map((message) => message.subject)).toEqual(['two', 'three']);
  });

  it('forgets every message when cleared, and keeps numbering upwards', () => {
    const store = new MailStore(2);
    store.add(mail('one'));
    store.clear();
    expect(store.list()).toEqual([]);
    expect(store.add(mail('two')).id).toBe(2);
  });
});
