export function GoalSheetsScreen() {
  return (
    <section aria-label="绩效目标表">
      <h2>绩效目标表</h2>
    </section>
  );
}
