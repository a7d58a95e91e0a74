// The windowed list: only rows near the view are in the page; the focused row is brought in.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnswerWindow } from './answer-window.tsx';

const ROWS = 1000;
const key = (index: number) => `row-${index}`;
const estimate = () => 50;

function list(focus: number) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 600 }}>
      <AnswerWindow count={ROWS} rowKey={key} estimate={estimate} render={(index) => <p>Question {index}</p>} focus={focus} focusFrom={focus} reveal={0} testId="list" />
    </div>
  );
}

describe('AnswerWindow', () => {
  it('renders the rows in view and some around them, not all thousand; spacers keep the full height', () => {
    render(list(0));
    const rendered = Number(screen.getByTestId('list').dataset.rendered);
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByText('Question 0')).toBeTruthy();
    expect(screen.queryByText('Question 999')).toBeNull();
    const spacers = screen.getByTestId('list').querySelectorAll('[aria-hidden]');
    const [above, below] = [...spacers].map((spacer) => Number.parseFloat((spacer as HTMLElement).style.height));
    expect(above).toBe(0);
    expect(above! + rendered * 50 + below!).toBe(ROWS * 50);
  });

  it('brings a far focused row into the page', () => {
    const { rerender } = render(list(0));
    rerender(list(900));
    rerender(list(900));
    expect(screen.getByText('Question 900')).toBeTruthy();
    expect(screen.queryByText('Question 0')).toBeNull();
  });
});
