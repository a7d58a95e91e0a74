import { Box, Group, Paper, Text } from '@mantine/core';
import { forwardRef, type ReactNode } from 'react';

/** A card in the clause view that search can scroll to and ring (a question, a sampling plan). */
export const PackCard = forwardRef<HTMLDivElement, { testId: string; highlighted: boolean; colour: string; background?: string; children: ReactNode }>(
  function PackCard({ testId, highlighted, colour, background, children }, ref) {
    return (
      <Paper
        ref={ref}
        withBorder
        radius="md"
        p="md"
        bg={background}
        data-testid={testId}
        style={highlighted ? { borderColor: `var(--mantine-color-${colour}-5)`, boxShadow: `0 0 0 2px var(--mantine-color-${colour}-1)` } : undefined}
      >
        {children}
      </Paper>
    );
  },
);

/** A small uppercase heading with its icon, and what it introduces. */
export function Labelled({ icon, label, colour, children }: { icon: ReactNode; label: string; colour: string; children: ReactNode }) {
  return (
    <Box>
      <Group gap={6} mb={2}>
        {icon}
        <Text size="xs" fw={600} c={`${colour}.8`} tt="uppercase">
          {label}
        </Text>
      </Group>
      {children}
    </Box>
  );
}
