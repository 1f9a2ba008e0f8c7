import { describe, expect, it } from 'vitest';
import { aboutJobs, jobQuestion } from './jobs';

describe('jobQuestion', () => {
  it.each([
    'are you hiring?',
    'r u guys hiring baristas',
    'are you hiring? looking for a weekend job',
    'hiring guides for next summer?',
    'any job openings',
    'can i apply for a job',
    'i would love to work for you',
    'any summer jobs for students?',
  ])('reads "%s" as a job seeker', (text) => expect(jobQuestion(text)).toBe(true));

  it.each([
    'hiring a kayak for the day, how much?',
    'how far ahead are you booked for fall planting jobs',
    'do you do corporate gifts for new hires',
    'how many people work at your store',
    'can i hire a bike',
  ])('reads "%s" as a customer', (text) => expect(jobQuestion(text)).toBe(false));
});

describe('aboutJobs', () => {
  it('tells a passage about jobs from one that names hires in passing', () => {
    expect(
      aboutJobs('Are you hiring? We hire seasonal staff each October: send your resume to jobs@shop.example.'),
    ).toBe(true);
    expect(aboutJobs('Careers. Join our team of booksellers.')).toBe(true);
    expect(aboutJobs('Welcome boxes for new hires, thank-you gifts for clients.')).toBe(false);
  });
});
