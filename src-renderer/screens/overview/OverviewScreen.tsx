export function OverviewScreen() {
  return (
    <section aria-label="概况">
      <h2>概况</h2>
    </section>
  );
}
