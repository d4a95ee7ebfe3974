import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { fakeAccount } from '../../testing/auth-handlers.ts';
import { fakeCommerce } from '../../testing/cart-handlers.ts';
import { products } from '../../testing/fixtures.ts';
import { problem, TEST_API } from '../../testing/handlers.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { server } from '../../testing/server.ts';

const lamp = products.find((product) => product.slug === 'brass-desk-lamp')!;

const review = (index: number, body: string, rating = 4) => ({
  id: `00000000-0000-4000-8000-${String(900 + index).padStart(12, '0')}`,
  productId: lamp.id,
  rating,
  body,
  authorName: `Shopper${index}`,
  createdAt: `2026-02-${String(10 + index).padStart(2, '0')}T10:00:00.000Z`,
});

const reviewsSection = () => screen.findByRole('region', { name: 'Reviews' });

describe('product reviews', () => {
  it('shows the average, the count and the reviews as plain text, a page at a time', async () => {
    fakeCommerce.reviews = [
      review(1, '<script>alert("owned")</script><b>Great</b> lamp', 5),
      ...Array.from({ length: 6 }, (_, index) => review(index + 2, `Review number ${index + 2}`)),
    ];
    const { user } = renderApp('/products/brass-desk-lamp');
    const section = await reviewsSection();
    expect(within(section).getByText('Rated 4.5 out of 5 on average, from 12 reviews.')).toBeInTheDocument();
    const markup = await within(section).findByText('<script>alert("owned")</script><b>Great</b> lamp');
    expect(markup.querySelector('script, b')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(within(section).getByText('Rated 5 out of 5')).toBeInTheDocument();
    expect(within(section).getAllByRole('listitem')).toHaveLength(5);

    await user.click(within(section).getByRole('button', { name: 'Older reviews' }));
    expect(await within(section).findByText('Review number 7')).toBeInTheDocument();
    expect(within(section).getByText('Page 2 of 2')).toBeInTheDocument();
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
  });

  it('asks a guest to sign in rather than showing the form', async () => {
    renderApp('/products/wireless-headphones');
    const section = await reviewsSection();
    expect(await within(section).findByText('No reviews yet.')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Sign in to write a review' })).toHaveAttribute(
      'href',
      '/login?next=%2Fproducts%2Fwireless-headphones',
    );
    expect(within(section).queryByRole('button', { name: 'Submit review' })).not.toBeInTheDocument();
    expect(fakeAccount.requests.filter((request) => request.endsWith('/eligibility'))).toEqual([]);
  });

  it('checks the rating and the text before sending anything', async () => {
    fakeCommerce.bought.add(lamp.id);
    const { user } = renderApp('/products/brass-desk-lamp', { signedIn: true });
    const section = await reviewsSection();
    await user.click(await within(section).findByRole('button', { name: 'Submit review' }));
    expect(within(section).getByText('Choose a rating from 1 to 5 stars.')).toBeInTheDocument();
    expect(within(section).getByText('Write a few words about the product.')).toBeInTheDocument();
    expect(within(section).getByRole('radiogroup', { name: 'Rating' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await user.type(within(section).getByLabelText('Your review'), '   ');
    await user.click(within(section).getByLabelText('4 stars'));
    await user.click(within(section).getByRole('button', { name: 'Submit review' }));
    expect(within(section).queryByText('Choose a rating from 1 to 5 stars.')).not.toBeInTheDocument();
    expect(within(section).getByText('Write a few words about the product.')).toBeInTheDocument();
    expect(fakeAccount.requests.filter((request) => request.startsWith('POST /products'))).toEqual([]);
  });

  it('posts a buyer’s review and shows it in the list', async () => {
    fakeCommerce.bought.add(lamp.id);
    const { user } = renderApp('/products/brass-desk-lamp', { signedIn: true });
    const section = await reviewsSection();
    expect(await within(section).findByText('No reviews yet.')).toBeInTheDocument();
    await user.click(within(section).getByLabelText('4 stars'));
    await user.type(within(section).getByLabelText('Your review'), '  Warm light, solid brass.  ');
    await user.click(within(section).getByRole('button', { name: 'Submit review' }));

    // The form gives way to a thank-you in a live region: one review per shopper.
    expect(await within(section).findByRole('status')).toHaveTextContent(
      'You have reviewed this product. Thank you!',
    );
    expect(within(section).queryByRole('button', { name: 'Submit review' })).not.toBeInTheDocument();
    expect(fakeAccount.bodies.get(`POST /products/${lamp.id}/reviews`)).toEqual({
      rating: 4,
      body: 'Warm light, solid brass.',
    });
    const item = await within(section).findByText('Warm light, solid brass.');
    expect(item.closest('li')).toHaveTextContent('Ada');
  });

  it('shows no form to a shopper who has not bought the product, and says why', async () => {
    renderApp('/products/brass-desk-lamp', { signedIn: true });
    const section = await reviewsSection();
    expect(
      await within(section).findByText('Only customers who bought this product can review it.'),
    ).toBeInTheDocument();
    expect(within(section).queryByLabelText('Your review')).not.toBeInTheDocument();
    expect(fakeAccount.requests).toContain(`GET /products/${lamp.id}/reviews/eligibility`);
  });

  it('shows no form to a buyer who has already reviewed the product', async () => {
    fakeCommerce.bought.add(lamp.id);
    fakeCommerce.reviews = [{ ...review(1, 'Lovely.'), authorName: 'Ada' }];
    renderApp('/products/brass-desk-lamp', { signedIn: true });
    const section = await reviewsSection();
    expect(
      await within(section).findByText('You have reviewed this product. Thank you!'),
    ).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Submit review' })).not.toBeInTheDocument();
  });

  it('asks again when the server refuses a review the page thought allowed (reviewed in another tab)', async () => {
    fakeCommerce.bought.add(lamp.id);
    const { user } = renderApp('/products/brass-desk-lamp', { signedIn: true });
    const section = await reviewsSection();
    await user.click(await within(section).findByLabelText('5 stars'));
    await user.type(within(section).getByLabelText('Your review'), 'Second thoughts.');
    // Meanwhile the same shopper reviewed it elsewhere.
    fakeCommerce.reviews = [{ ...review(1, 'First thoughts.'), authorName: 'Ada' }];
    await user.click(within(section).getByRole('button', { name: 'Submit review' }));

    expect(
      await within(section).findByText('You have reviewed this product. Thank you!'),
    ).toBeInTheDocument();
    expect(within(section).queryByLabelText('Your review')).not.toBeInTheDocument();
  });

  it('offers a retry when it cannot tell whether the shopper may review', async () => {
    fakeCommerce.bought.add(lamp.id);
    server.use(
      http.get(`${TEST_API}/products/:id/reviews/eligibility`, () => problem(500, 'Internal Server Error'), {
        once: true,
      }),
    );
    const { user } = renderApp('/products/brass-desk-lamp', { signedIn: true });
    const section = await reviewsSection();
    const failure = await within(section).findByRole('alert');
    expect(failure).toHaveTextContent('We could not check whether you can review this product');
    expect(within(section).queryByLabelText('Your review')).not.toBeInTheDocument();

    await user.click(within(failure).getByRole('button', { name: 'Try again' }));
    expect(await within(section).findByLabelText('Your review')).toBeInTheDocument();
  });
});
